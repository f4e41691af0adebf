import fs from 'node:fs'
import path from 'node:path'

/** Permission bits for group and others: none of our data is theirs to read. */
const SHARED_BITS = 0o077
/** The modes everything Panelist creates under its data folder is given. */
export const PRIVATE_FILE = 0o600
export const PRIVATE_FOLDER = 0o700

/**
 * Why a chmod may fail and start-up must go on: the entry went away, or the file system keeps no
 * POSIX modes (FAT or exFAT on a USB drive, some network shares) or is read-only. The data are then
 * as private as that file system makes them.
 */
const CANNOT_CHMOD = new Set(['ENOENT', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EROFS'])
const cannotChmod = (error: unknown) => CANNOT_CHMOD.has((error as NodeJS.ErrnoException).code ?? '')

/**
 * Takes group and other permissions off the data folder, its files, and everything under
 * `folders` (not following links). Folders earlier versions made 0755 and files 0644 held
 * resumes, recordings and the database. Returns how many entries changed; nothing on Windows,
 * where these bits do not govern access.
 */
export async function makePrivate(dataDir: string, folders: readonly string[]): Promise<number> {
  if (process.platform === 'win32') return 0
  let changed = await tighten(dataDir, PRIVATE_FOLDER)
  for (const entry of await fs.promises.readdir(dataDir, { withFileTypes: true })) {
    const full = path.join(dataDir, entry.name)
    if (entry.isFile()) changed += await tighten(full, PRIVATE_FILE)
    else if (entry.isDirectory() && folders.includes(entry.name)) changed += await tightenTree(full)
  }
  return changed
}

async function tightenTree(dir: string): Promise<number> {
  let changed = await tighten(dir, PRIVATE_FOLDER)
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) changed += await tightenTree(full)
    else if (entry.isFile()) changed += await tighten(full, PRIVATE_FILE)
  }
  return changed
}

async function tighten(file: string, mode: number): Promise<number> {
  const stat = await fs.promises.lstat(file)
  if ((stat.mode & SHARED_BITS) === 0) return 0
  try {
    await fs.promises.chmod(file, mode)
    return 1
  } catch (error) {
    if (!cannotChmod(error)) throw error
    return 0
  }
}

/**
 * Makes a file this user's alone, whatever the umask made it: SQLite creates the database with the
 * default mode, and its -wal and -shm copy the database's. Missing files are skipped.
 */
export function keepPrivate(file: string): void {
  if (process.platform === 'win32') return
  try {
    fs.chmodSync(file, PRIVATE_FILE)
  } catch (error) {
    if (!cannotChmod(error)) throw error
  }
}

/**
 * What the hosts create beside the core (Chromium's profile, electron-store's file) is private from
 * the start too; the core gives its own files their modes itself (keepPrivate, explicit modes).
 */
export function createPrivately(): void {
  if (process.platform !== 'win32') process.umask(0o077)
}
