import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface SmallDisk {
  /** The mounted folder: a real file system with `bytes` of room. */
  dir: string
  /** Fills what is left with a ballast file (writes then fail with ENOSPC / SQLITE_FULL). */
  fill(): void
  /** Deletes the ballast: room again. */
  free(): void
  unmount(): void
}

/**
 * Why a real full disk cannot be made here, or null when it can. A small tmpfs needs Linux and
 * root (CI runs as root); elsewhere the full-disk tests report themselves skipped with this reason.
 */
export function smallDiskUnavailable(): string | null {
  if (process.platform !== 'linux') return 'a small tmpfs needs Linux'
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root'
  return null
}

/** Mounts a tmpfs of `bytes` in a temp folder, so writes meet a genuinely full file system. */
export function mountSmallDisk(bytes: number): SmallDisk {
  const reason = smallDiskUnavailable()
  if (reason) throw new Error(reason)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-small-disk-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir])
  const ballast = path.join(dir, '.ballast')
  return {
    dir,
    fill() {
      const fd = fs.openSync(ballast, 'a')
      const block = Buffer.alloc(64 * 1024)
      try {
        for (;;) fs.writeSync(fd, block)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
        // The last partial block: fill to the byte.
        for (let size = block.length >> 1; size >= 1; size >>= 1) {
          try {
            for (;;) fs.writeSync(fd, block.subarray(0, size))
          } catch (inner) {
            if ((inner as NodeJS.ErrnoException).code !== 'ENOSPC') throw inner
          }
        }
      } finally {
        fs.closeSync(fd)
      }
    },
    free() {
      fs.rmSync(ballast, { force: true })
    },
    unmount() {
      execFileSync('umount', ['-l', dir])
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
