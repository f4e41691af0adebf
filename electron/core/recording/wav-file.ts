import fs from 'node:fs'
import { wavHeader } from '../audio/wav'
import { createWriteGuard, writeAll, type OnRecordingFault, type RecordingFault } from './write-fault'

/** Offsets of the two size fields in our 44-byte header (RIFF size, data size). */
const RIFF_SIZE_AT = 4
const DATA_SIZE_AT = 40
export const WAV_HEADER_BYTES = 44
/** Written while recording: players and ffmpeg read a data chunk of this size as "until the end of the file". */
const STREAMING_SIZE = 0xffffffff

/** How often audio written so far is forced to disk, so a power cut loses at most this much. */
const DEFAULT_SYNC_EVERY_MS = 1000

export interface WavRecordingResult {
  bytes: number
  durationMs: number
}

export interface WavRecorder {
  readonly path: string
  readonly sampleRate: number
  /**
   * Appends 16-bit mono PCM; the bytes reach the OS at once (a killed process loses none of them).
   * Never throws: a failed write or the byte cap is reported once to `onFault`, and later audio is dropped.
   */
  write(pcm: Uint8Array): void
  /** Why the recording stopped taking audio early, if it did. */
  readonly fault: RecordingFault | null
  /** Bytes of audio written so far. */
  readonly dataBytes: number
  /** Patches the header sizes, flushes to disk and closes. Idempotent. */
  finish(): Promise<WavRecordingResult>
}

const durationOf = (dataBytes: number, sampleRate: number) => Math.round((dataBytes / (sampleRate * 2)) * 1000)

function patchSizes(fd: number, dataBytes: number) {
  const sizes = Buffer.alloc(4)
  sizes.writeUInt32LE(Math.min(0xffffffff, 36 + dataBytes))
  fs.writeSync(fd, sizes, 0, 4, RIFF_SIZE_AT)
  sizes.writeUInt32LE(Math.min(0xffffffff, dataBytes))
  fs.writeSync(fd, sizes, 0, 4, DATA_SIZE_AT)
}

/**
 * A WAV file written as audio arrives. The header goes out first with "streaming" sizes, so a file
 * cut short by a crash is still readable and `repairWav` can make it exact; `finish` patches the
 * real sizes. Writes are synchronous appends of a few kilobytes (cheaper than a promise each), and
 * an fdatasync runs in the background about once a second.
 */
export function createWavRecorder(
  path: string,
  sampleRate: number,
  options: { syncEveryMs?: number; maxDataBytes?: number; onFault?: OnRecordingFault } = {},
): WavRecorder {
  const fd = fs.openSync(path, 'wx', 0o600)
  const streaming = Buffer.from(wavHeader(0, sampleRate))
  streaming.writeUInt32LE(STREAMING_SIZE, RIFF_SIZE_AT)
  streaming.writeUInt32LE(STREAMING_SIZE, DATA_SIZE_AT)
  fs.writeSync(fd, streaming)
  let dataBytes = 0
  let closed = false
  let finished: Promise<WavRecordingResult> | null = null
  let syncing: Promise<void> = Promise.resolve()
  let lastSync = Date.now()
  const syncEveryMs = options.syncEveryMs ?? DEFAULT_SYNC_EVERY_MS
  const maxDataBytes = options.maxDataBytes ?? Infinity
  const guard = createWriteGuard(options.onFault)

  const backgroundSync = () => {
    lastSync = Date.now()
    syncing = syncing.then(
      () =>
        new Promise<void>((resolve) => {
          if (closed) return resolve()
          fs.fdatasync(fd, () => resolve())
        }),
    )
  }

  return {
    path,
    sampleRate,
    get dataBytes() {
      return dataBytes
    },
    get fault() {
      return guard.fault
    },
    write(pcm) {
      if (finished || guard.fault || pcm.byteLength === 0) return
      if (dataBytes + pcm.byteLength > maxDataBytes) {
        return guard.fail({ kind: 'too_large', message: 'The answer is longer than its time limit allows' })
      }
      guard.attempt(() => writeAll(fd, pcm))
      // A short write (the disk filling mid-chunk) still counts what did reach the file.
      dataBytes = guard.fault ? fs.fstatSync(fd).size - WAV_HEADER_BYTES : dataBytes + pcm.byteLength
      if (Date.now() - lastSync >= syncEveryMs) backgroundSync()
    },
    finish() {
      finished ??= (async () => {
        await syncing
        // An odd byte would shift every later sample; a whole number of samples is what plays.
        const whole = dataBytes - (dataBytes % 2)
        if (whole !== dataBytes) fs.ftruncateSync(fd, WAV_HEADER_BYTES + whole)
        patchSizes(fd, whole)
        await new Promise<void>((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())))
        closed = true
        fs.closeSync(fd)
        return { bytes: whole, durationMs: durationOf(whole, sampleRate) }
      })()
      return finished
    },
  }
}

export type WavRepair =
  | { outcome: 'repaired' | 'intact'; bytes: number; durationMs: number; sampleRate: number }
  | { outcome: 'unreadable'; reason: string }

/**
 * Makes a WAV file left by an interrupted recording exact: sizes from the bytes really on disk, a
 * trailing half sample dropped. A file whose header never made it to disk cannot be read as audio.
 */
export function repairWav(path: string): WavRepair {
  let fd: number
  try {
    fd = fs.openSync(path, 'r+')
  } catch (error) {
    return { outcome: 'unreadable', reason: error instanceof Error ? error.message : String(error) }
  }
  try {
    const size = fs.fstatSync(fd).size
    if (size < WAV_HEADER_BYTES) return { outcome: 'unreadable', reason: `only ${size} bytes, no complete header` }
    const header = Buffer.alloc(WAV_HEADER_BYTES)
    fs.readSync(fd, header, 0, WAV_HEADER_BYTES, 0)
    const tag = (at: number) => header.toString('ascii', at, at + 4)
    if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE' || tag(12) !== 'fmt ' || tag(36) !== 'data') {
      return { outcome: 'unreadable', reason: 'not a recording made by this app' }
    }
    const sampleRate = header.readUInt32LE(24)
    const channels = header.readUInt16LE(22)
    const bits = header.readUInt16LE(34)
    if (channels !== 1 || bits !== 16 || sampleRate < 8000 || sampleRate > 192_000) {
      return { outcome: 'unreadable', reason: 'unexpected audio format' }
    }
    let dataBytes = size - WAV_HEADER_BYTES
    const whole = dataBytes - (dataBytes % 2)
    const recorded = header.readUInt32LE(DATA_SIZE_AT)
    if (recorded === whole && header.readUInt32LE(RIFF_SIZE_AT) === 36 + whole) {
      return { outcome: 'intact', bytes: whole, durationMs: durationOf(whole, sampleRate), sampleRate }
    }
    if (whole !== dataBytes) {
      fs.ftruncateSync(fd, WAV_HEADER_BYTES + whole)
      dataBytes = whole
    }
    patchSizes(fd, dataBytes)
    fs.fsyncSync(fd)
    return { outcome: 'repaired', bytes: dataBytes, durationMs: durationOf(dataBytes, sampleRate), sampleRate }
  } finally {
    fs.closeSync(fd)
  }
}
