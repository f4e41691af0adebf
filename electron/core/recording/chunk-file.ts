import fs from 'node:fs'

export interface ChunkFile {
  readonly path: string
  readonly bytes: number
  /** Appends the next chunk of a streamed container (MediaRecorder's WebM); reaches the OS at once. */
  append(chunk: Uint8Array): void
  /** Flushes to disk and closes. Idempotent. */
  finish(): Promise<{ bytes: number }>
}

/**
 * A file that grows chunk by chunk as the kiosk's MediaRecorder hands them over. WebM from
 * MediaRecorder is a live stream with no index at the end, so a file cut short by a crash plays up
 * to its last complete cluster without any repair.
 */
export function createChunkFile(path: string): ChunkFile {
  const fd = fs.openSync(path, 'wx')
  let bytes = 0
  let finished: Promise<{ bytes: number }> | null = null
  return {
    path,
    get bytes() {
      return bytes
    },
    append(chunk) {
      if (finished || chunk.byteLength === 0) return
      fs.writeSync(fd, chunk)
      bytes += chunk.byteLength
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
