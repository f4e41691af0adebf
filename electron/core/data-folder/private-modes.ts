import fs from 'node:fs'
import path from 'node:path'

/** Permission bits for group and others: none of our data is theirs to read. */
const SHARED_BITS = 0o077

/**
 * Takes group and other permissions off the data folder, its files, and everything under
 * `folders` (not following links). Folders earlier versions made 0755 and files 0644 held
 * resumes, recordings and the database. Returns how many entries changed; nothing on Windows,
 * where these bits do not govern access.
 */
export async function makePrivate(dataDir: string, folders: readonly string[]): Promise<number> {
  if (process.platform === 'win32') return 0
  let changed = await tighten(dataDir, 0o700)
  for (const entry of await fs.promises.readdir(dataDir, { withFileTypes: true })) {
    const full = path.join(dataDir, entry.name)
    if (entry.isFile()) changed += await tighten(full, 0o600)
    else if (entry.isDirectory() && folders.includes(entry.name)) changed += await tightenTree(full)
  }
  return changed
}

async function tightenTree(dir: string): Promise<number> {
  let changed = await tighten(dir, 0o700)
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) changed += await tightenTree(full)
    else if (entry.isFile()) changed += await tighten(full, 0o600)
  }
  return changed
}

async function tighten(file: string, mode: number): Promise<number> {
  const stat = await fs.promises.lstat(file)
  if ((stat.mode & SHARED_BITS) === 0) return 0
  await fs.promises.chmod(file, mode)
  return 1
}

/**
 * New files and folders of this process are private from the start: SQLite, the file store and
 * the recorder create theirs with the default modes, which the umask then narrows.
 */
export function createPrivately(): void {
  if (process.platform !== 'win32') process.umask(0o077)
}
