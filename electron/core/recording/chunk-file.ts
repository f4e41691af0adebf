import fs from 'node:fs'
import { createWriteGuard, writeAll, type OnRecordingFault, type RecordingFault } from './write-fault'

export interface ChunkFile {
  readonly path: string
  readonly bytes: number
  /**
   * Appends the next chunk of a streamed container (MediaRecorder's WebM); reaches the OS at once.
   * Never throws: a failed write, a file over its cap or a first chunk that is not WebM is reported
   * once to `onFault`, and later chunks are dropped.
   */
  append(chunk: Uint8Array): void
  readonly fault: RecordingFault | null
  /** Flushes to disk and closes. Idempotent. */
  finish(): Promise<{ bytes: number }>
}

/** Every WebM (Matroska) stream opens with an EBML header. */
const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3]
const isWebmStart = (chunk: Uint8Array) => EBML_MAGIC.every((byte, i) => chunk[i] === byte)

/**
 * A file that grows chunk by chunk as the kiosk's MediaRecorder hands them over. WebM from
 * MediaRecorder is a live stream with no index at the end, so a file cut short by a crash plays up
 * to its last complete cluster without any repair.
 */
export function createChunkFile(
  path: string,
  options: { maxBytes?: number; onFault?: OnRecordingFault } = {},
): ChunkFile {
  const fd = fs.openSync(path, 'wx', 0o600)
  const maxBytes = options.maxBytes ?? Infinity
  const guard = createWriteGuard(options.onFault)
  let bytes = 0
  let finished: Promise<{ bytes: number }> | null = null
  return {
    path,
    get bytes() {
      return bytes
    },
    get fault() {
      return guard.fault
    },
    append(chunk) {
      if (finished || guard.fault || chunk.byteLength === 0) return
      if (bytes === 0 && !isWebmStart(chunk)) {
        return guard.fail({ kind: 'not_media', message: 'The camera sent something that is not a WebM video' })
      }
      if (bytes + chunk.byteLength > maxBytes) {
        return guard.fail({ kind: 'too_large', message: 'The video is larger than its time limit allows' })
      }
      guard.attempt(() => writeAll(fd, chunk))
      bytes = guard.fault ? fs.fstatSync(fd).size : bytes + chunk.byteLength
    },
    finish() {
      finished ??= new Promise((resolve, reject) =>
        fs.fsync(fd, (error) => {
          fs.closeSync(fd)
          if (error) reject(error)
          else resolve({ bytes })
        }),
      )
      return finished
    },
  }
}
