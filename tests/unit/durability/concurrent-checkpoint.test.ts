import path from 'node:path'
import { setTimeout as pause } from 'node:timers/promises'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { budget } from '../../helpers/patience'
import { tempDir } from '../../helpers/temp-studio'
import { killWriters, startWriter } from './writer-process'

afterEach(killWriters)

/** How long both connections write while the WAL is checkpointed and reset under them. */
const STRESS_MS = 15_000

/** Runs a write; true when the other connection held the lock past the busy timeout (nothing committed). */
function busy(write: () => unknown): boolean {
  try {
    write()
    return false
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
    return true
  }
}

/**
 * This connection commits numbered rows and checkpoints with TRUNCATE every 20 of them, as the
 * other process commits its own; returns how many rows it committed and how often the WAL was reset.
 */
async function writeAndCheckpoint(file: string): Promise<{ mine: number; resets: number }> {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.exec('create table mine (n integer primary key, v text)')
  const insert = db.prepare('insert into mine (n, v) values (?, ?)')
  let mine = 0
  let resets = 0
  for (const until = Date.now() + STRESS_MS; Date.now() < until;) {
    if (!busy(() => insert.run(mine + 1, 'y'.repeat(300)))) mine++
    if (mine % 20 === 0) {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
      if (result!.busy === 0) resets++
    }
    // Lets the writer's progress reports in, and the writer at the lock.
    await pause(1)
  }
  db.close()
  return { mine, resets }
}

/** The numbers 1..n missing from a table that should hold each of them. */
function missing(db: BetterSqlite3.Database, table: string, n: number): number[] {
  const present = new Set((db.prepare(`select n from ${table}`).all() as { n: number }[]).map((row) => row.n))
  return Array.from({ length: n }, (_, i) => i + 1).filter((i) => !present.has(i))
}

describe('a second connection writing while the first writes and checkpoints (§7 D07)', () => {
  it(
    'leaves an intact database holding every row either connection was told is committed',
    { timeout: budget(60_000) },
    async () => {
      const file = path.join(tempDir('panelist-d07-'), 'panelist.sqlite')
      const other = await startWriter(file, 50, 1)
      const { mine, resets } = await writeAndCheckpoint(file)
      const acked = other.committed()
      expect(other.child.exitCode, 'the writer died during the stress').toBeNull()
      const exited = new Promise((resolve) => other.child.once('exit', resolve))
      other.child.kill('SIGKILL')
      await exited

      const after = new BetterSqlite3(file, { readonly: true })
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(missing(after, 'steady', acked)).toEqual([])
      expect(missing(after, 'mine', mine)).toEqual([])
      after.close()
      // The stress is real only if the WAL was reset under the writer while both wrote.
      expect(resets).toBeGreaterThan(10)
      expect(acked).toBeGreaterThan(100)
    },
  )
})
