import fs from 'node:fs'
import { readsIntact } from './corruption'
import { setWalAside } from './foreign-wal'

/**
 * After a crash, what reading the database with the WAL beside it shows. `intact`: it passes
 * quick_check as SQLite will read it. `walUnfit`: it does not, but the file alone does, so the WAL
 * (another database's with its own -shm, or a damaged one) was moved to `aside` and kept.
 * `undecided`: the file itself is damaged, or the probe could not tell; the WAL is left in place
 * and opening the database checks it as usual.
 */
export type WalProbe = { verdict: 'intact' } | { verdict: 'walUnfit'; aside: string } | { verdict: 'undecided' }

/**
 * Reads the database with and, if need be, without its WAL, through read-only connections that
 * leave both files as they were. Only after a crash: it costs a quick_check, which a crash costs
 * anyway, and it spares a database whose WAL alone is wrong from being replaced by its backup.
 */
export function probeWal(file: string, stamp: number): WalProbe {
  try {
    if (readsIntact(file)) return { verdict: 'intact' }
  } catch {
    return { verdict: 'undecided' }
  }
  if (!fs.existsSync(`${file}-wal`)) return { verdict: 'undecided' }
  const aside = setWalAside(file, stamp)
  let alone = false
  try {
    alone = readsIntact(file)
  } catch {
    // Undecided: the WAL goes back, and the usual path deals with the file.
  }
  // The read-only connection made an empty -wal and -shm of its own.
  fs.rmSync(`${file}-wal`, { force: true })
  fs.rmSync(`${file}-shm`, { force: true })
  if (alone) return { verdict: 'walUnfit', aside }
  fs.renameSync(aside, `${file}-wal`)
  if (fs.existsSync(`${aside}-shm`)) fs.renameSync(`${aside}-shm`, `${file}-shm`)
  return { verdict: 'undecided' }
}
