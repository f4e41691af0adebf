import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Original resume files kept in the data folder by content hash: `files/ab/abcdef….pdf`. The same
 * bytes are stored once however often they are imported, and a write is atomic (temp file + rename),
 * so a crash never leaves a half-written file under a final name.
 */
export interface FileStore {
  /** Stores bytes (once) and returns the content hash and the path relative to the data folder. */
  put(bytes: Uint8Array, fileName: string): Promise<{ hash: string; relativePath: string }>
  read(relativePath: string): Promise<Buffer>
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

export function createFileStore(dataDir: string): FileStore {
  const root = path.join(dataDir, 'files')
  const absolute = (relativePath: string) => {
    const full = path.resolve(dataDir, relativePath)
    if (!full.startsWith(root + path.sep)) throw new Error('path outside the file store')
    return full
  }
  const pathOf = (hash: string, fileName: string) =>
    path.posix.join('files', hash.slice(0, 2), `${hash}${safeExtension(fileName)}`)

  return {
    pathOf,
    async put(bytes, fileName) {
      const hash = contentHash(bytes)
      const relativePath = pathOf(hash, fileName)
      const full = absolute(relativePath)
      if (fs.existsSync(full)) return { hash, relativePath }
      await fs.promises.mkdir(path.dirname(full), { recursive: true })
      const temp = `${full}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
      const handle = await fs.promises.open(temp, 'w')
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.promises.rename(temp, full)
      return { hash, relativePath }
    },
    read: (relativePath) => fs.promises.readFile(absolute(relativePath)),
    remove: (relativePath) => fs.promises.rm(absolute(relativePath), { force: true }),
  }
}
