import { z } from 'zod'
import { request } from '../define'
import { id } from './fields'

/**
 * An interview's recordings, for the recruiter's review screen. The bytes are not sent over the
 * request channel: each host serves them at `recordingMediaPath(id)`, to the recruiter only.
 */

export interface RecordingView {
  id: string
  turnIndex: number
  answerId: string | null
  kind: 'audio' | 'video'
  /** interrupted: cut short (a crash, a full disk) and kept; it plays up to where it stopped. */
  status: 'complete' | 'interrupted'
  durationMs: number | null
  bytes: number
  contentType: string
}

/** Where a host finds a recording's file; asked by the host itself after it checked the caller. */
export interface RecordingFile {
  absolutePath: string
  contentType: string
}

export const RECORDING_MEDIA_PREFIX = '/media/recordings/'
export const recordingMediaPath = (recordingId: string) => `${RECORDING_MEDIA_PREFIX}${encodeURIComponent(recordingId)}`

export const recordingRequests = {
  'assessments.recordings': request<RecordingView[]>()(z.object({ sessionId: id }).strict()),
  'assessments.recordingFile': request<RecordingFile>()(z.object({ recordingId: id }).strict()),
}
