import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathInside } from '../../data-folder/inside'
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../../data-folder/private-modes'

/**
 * Original resume files kept in the data folder by content hash: `files/ab/abcdef….pdf`. The same
 * bytes are stored once however often they are imported, and a write is atomic (temp file + rename),
 * so a crash never leaves a half-written file under a final name.
 */
export interface FileStore {
  /** Stores bytes (once) and returns the content hash and the path relative to the data folder. */
  put(bytes: Uint8Array, fileName: string, knownHash?: string): Promise<{ hash: string; relativePath: string }>
  read(relativePath: string): Promise<Buffer>
  exists(relativePath: string): Promise<boolean>
  /** The relative path bytes with this hash and name would have. */
  pathOf(hash: string, fileName: string): string
  remove(relativePath: string): Promise<void>
}

export const contentHash = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex')

/** The extension kept on disk: from the original name, reduced to a few safe characters. */
function safeExtension(fileName: string): string {
  const ext = path.extname(fileName).slice(1).toLowerCase()
  return /^[a-z0-9]{1,8}$/.test(ext) ? `.${ext}` : ''
}

/** Where the store keeps bytes with this hash and name, relative to the data folder. */
export const storedPathOf = (hash: string, fileName: string) =>
  path.posix.join('files', hash.slice(0, 2), `${hash}${safeExtension(fileName)}`)

export function createFileStore(dataDir: string): FileStore {
  const absolute = (relativePath: string) => {
    const full = pathInside(dataDir, 'files', relativePath)
    if (!full) throw new Error('path outside the file store')
    return full
  }
  const pathOf = storedPathOf

  // Each two-letter folder is created once per run, not once per file.
  const made = new Set<string>()
  return {
    pathOf,
    async put(bytes, fileName, knownHash) {
      const hash = knownHash ?? contentHash(bytes)
      const relativePath = pathOf(hash, fileName)
      const full = absolute(relativePath)
      if (fs.existsSync(full)) return { hash, relativePath }
      const dir = path.dirname(full)
      if (!made.has(dir)) {
        await fs.promises.mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER })
        made.add(dir)
      }
      const temp = `${full}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
      // flush: the bytes reach the disk before the rename, and so before the database says the file is kept.
      await fs.promises.writeFile(temp, bytes, { flush: true, mode: PRIVATE_FILE })
      await fs.promises.rename(temp, full)
      return { hash, relativePath }
    },
    read: (relativePath) => fs.promises.readFile(absolute(relativePath)),
    exists: (relativePath) =>
      fs.promises.access(absolute(relativePath)).then(
        () => true,
        () => false,
      ),
    remove: (relativePath) => fs.promises.rm(absolute(relativePath), { force: true }),
  }
}
