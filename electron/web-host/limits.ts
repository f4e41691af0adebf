import type { Audience } from '../../shared/contract'
import { MAX_CAMERA_CHUNK_BASE64 } from '../../shared/contract/kiosk'
import { MAX_UPLOAD_REQUEST_BYTES } from '../../shared/contract/screening/intake'

const MIB = 1024 * 1024

export interface AudienceLimits {
  /** Largest WebSocket message taken; a bigger one closes its socket with 1009 before it is held whole. */
  maxMessageBytes: number
  /** Sockets open at once; a handshake beyond them is answered 503. */
  maxSockets: number
  /**
   * Bytes queued for a socket that has stopped reading, past which the socket is dropped rather
   * than buffered without end. Every event matters to its page (a kiosk's reply audio, a
   * recruiter's queue progress), so none is skipped: a dropped page reconnects and reloads.
   */
  maxBufferedBytes: number
}

/**
 * Sized from the contract: each audience's largest legitimate request, plus room for the envelope
 * around its big field (the other fields, file names written as JSON escapes).
 */
export const AUDIENCE_LIMITS: Record<Audience, AudienceLimits> = {
  // The kiosk's largest request is one camera chunk (interview.voiceCamera); a kiosk page holds one socket.
  kiosk: { maxMessageBytes: MAX_CAMERA_CHUNK_BASE64 + 64 * 1024, maxSockets: 4, maxBufferedBytes: 8 * MIB },
  // The recruiter's is a resume upload (intake.importFiles): the request's base64 and up to 200 names.
  recruiter: {
    maxMessageBytes: Math.ceil((MAX_UPLOAD_REQUEST_BYTES * 4) / 3) + MIB,
    maxSockets: 16,
    maxBufferedBytes: 32 * MIB,
  },
}

/**
 * No request nests deeper than a handful of levels. A message nested far deeper parses, but
 * exhausts the stack when it is serialized to the core process, so it is refused before parsing.
 */
export const MAX_JSON_DEPTH = 32
