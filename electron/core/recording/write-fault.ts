import fs from 'node:fs'
import { isStorageFull } from '../data-folder/storage-full'

/** Why a recording stopped taking bytes before it was finished. */
export type RecordingFault =
  | { kind: 'storage_full'; message: string }
  | { kind: 'write_failed'; message: string }
  | { kind: 'too_large'; message: string }
  | { kind: 'not_media'; message: string }

export type OnRecordingFault = (fault: RecordingFault) => void

export function faultOf(error: unknown): RecordingFault {
  const message = error instanceof Error ? error.message : String(error)
  return isStorageFull(error) ? { kind: 'storage_full', message } : { kind: 'write_failed', message }
}

/**
 * A file's writes, guarded: the first failure (a full disk, a byte cap) is reported once and the
 * file takes nothing more, so a failing write never throws into the code streaming audio or video
 * and what was written before it stays on disk.
 */
export function createWriteGuard(onFault: OnRecordingFault | undefined) {
  let fault: RecordingFault | null = null
  return {
    get fault() {
      return fault
    },
    fail(next: RecordingFault) {
      if (fault) return
      fault = next
      onFault?.(next)
    },
    /** Runs a write; false once the file has failed. */
    attempt(write: () => void): boolean {
      if (fault) return false
      try {
        write()
        return true
      } catch (error) {
        this.fail(faultOf(error))
        return false
      }
    },
  }
}

/** Writes all of `bytes` at the end of the file; a short write (the disk filling mid-chunk) throws on its next try. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0
  while (at < bytes.byteLength) at += fs.writeSync(fd, bytes, at, bytes.byteLength - at)
}
