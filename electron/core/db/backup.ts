import fs from 'node:fs'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { keepPrivate, PRIVATE_FOLDER } from '../data-folder/private-modes'
import { readsIntact } from './corruption'

/**
 * Copies of the database, taken with SQLite's online backup API: a consistent snapshot that
 * includes what is still in the WAL, taken while the app keeps writing. A plain copy of the file
 * misses every commit not yet checkpointed into it (tests/unit/durability/backup.test.ts shows it).
 */

const KEEP = 3
const NAME = /^panelist-(\d+)\.sqlite$/

export interface Backups {
  /** Backups from newest to oldest. */
  list(): { file: string; takenAt: number }[]
  /** Takes one now and keeps the newest three. */
  take(sqlite: BetterSqlite3.Database, now: number): Promise<string>
  /** The newest backup SQLite finds intact, or null. */
  newestIntact(): string | null
}

export function openBackups(dir: string): Backups {
  const list = () =>
    (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      .map((name) => ({ name, takenAt: Number(NAME.exec(name)?.[1]) }))
      .filter((entry) => Number.isFinite(entry.takenAt))
      .sort((a, b) => b.takenAt - a.takenAt)
      .map(({ name, takenAt }) => ({ file: path.join(dir, name), takenAt }))

  return {
    list,
    async take(sqlite, now) {
      fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER })
      const file = path.join(dir, `panelist-${now}.sqlite`)
      // Named as the start-up sweep knows temp files, so a backup cut short is cleared away.
      const partial = `${file}.${process.pid}.tmp`
      await sqlite.backup(partial)
      keepPrivate(partial)
      fs.renameSync(partial, file)
      for (const old of list().slice(KEEP)) fs.rmSync(old.file, { force: true })
      return file
    },
    newestIntact() {
      for (const { file } of list()) if (intact(file)) return file
      return null
    },
  }
}

/** A backup that cannot be read at all is no better than a damaged one. */
function intact(file: string): boolean {
  try {
    return readsIntact(file)
  } catch {
    return false
  }
}
