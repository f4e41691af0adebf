import fs from 'node:fs'
import path from 'node:path'

/**
 * Our temporary files: `<name>.<pid>.tmp` (settings, keys, backups) and `<name>.<pid>.<8 hex>.tmp`
 * (kept resumes), and the rollback journal SQLite keeps beside a backup being written
 * (`<name>.<pid>.tmp-journal`). A write is renamed into place when it completes, so one found later
 * was cut short.
 */
const TEMP_NAME = /\.(\d+)(?:\.[0-9a-f]{8})?\.tmp(?:-journal)?$/

/** Whether a process with this id is running (a write of a live process may still be in flight). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The temp files a killed process left in `dir`, and in its folders when `deep` (links are not followed). */
async function orphansIn(dir: string, deep: boolean): Promise<string[]> {
  const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [])
  const found: string[] = []
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (deep && entry.isDirectory()) found.push(...(await orphansIn(full, true)))
    const pid = entry.isFile() ? TEMP_NAME.exec(entry.name)?.[1] : undefined
    if (pid && !alive(Number(pid))) found.push(full)
  }
  return found
}

/**
 * Removes what writes cut short by a kill or a power cut left behind: in the data folder itself
 * and under `folders` (names only, no file is read). Returns how many were removed.
 */
export async function sweepOrphanTemps(dataDir: string, folders: readonly string[]): Promise<number> {
  const topLevel = await orphansIn(dataDir, false)
  const nested = await Promise.all(folders.map((folder) => orphansIn(path.join(dataDir, folder), true)))
  const orphans = [...topLevel, ...nested.flat()]
  await Promise.all(orphans.map((file) => fs.promises.rm(file, { force: true })))
  return orphans.length
}
