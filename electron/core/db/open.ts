import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Clock } from '../clock'
import { keepPrivate, PRIVATE_FILE, PRIVATE_FOLDER } from '../data-folder/private-modes'
import { isStorageFull } from '../data-folder/storage-full'
import type { Logger } from '../logger'
import { guardedDialect, markHeldConnections } from './connection-guard'
import { createDirectDb, type DirectDb } from './direct'
import { openBackups } from './backup'
import { isCorruption } from './corruption'
import { judgeWal, setWalAside } from './foreign-wal'
import { runMigrations } from './migrate'
import type { Migration } from './migrations/types'
import { migrations as allMigrations } from './migrations'
import type { Database } from './schema'
import { withStatementCache } from './statement-cache'
import { probeWal } from './wal-probe'

export interface OpenedDatabase {
  sqlite: BetterSqlite3.Database
  db: Kysely<Database>
  /** Synchronous statements, for hot paths. */
  direct: DirectDb
  sqliteVersion: string
  /** Messages for the user about what happened at start-up (a database moved aside). */
  notices: string[]
  /** Whether this open checked the file's integrity (only after an unclean shutdown). */
  checked: boolean
  /** Takes a backup when the newest is a day old or there is none; a full disk only skips it. */
  backUpIfDue(): Promise<void>
  /** Closes the database and records the shutdown as clean. */
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  file: string
  clock: Clock
  logger: Logger
  migrations?: Migration[]
  /** Where backups are kept (default: `backups/` beside the database). */
  backupsDir?: string
}

const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000

/**
 * The oldest SQLite we accept: 3.51.3 fixed the WAL-reset bug that can corrupt a WAL database
 * written from two connections at once. The studio keeps one connection (backups go through it
 * too), but another process can still open the file (a recovery tool, a second copy of the app).
 */
const MIN_SQLITE = [3, 51, 3]

/**
 * Present while a process has the database open. Found at open, it means the last run did not
 * close it (a crash, a kill, a power cut): only then is the whole file checked, because the check
 * reads every page and its cost grows with the data (218 ms of a 274 ms open at 100,000 rows).
 * A damaged page found later still fails its query with SQLITE_CORRUPT.
 */
const inUseMarker = (file: string) => `${file}.in-use`

/**
 * Opens the file private to this user before SQLite makes its -wal and -shm, which take the
 * database's mode; ones a crash left are tightened as well.
 */
function openPrivately(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file)
  for (const suffix of ['', '-wal', '-shm']) keepPrivate(file + suffix)
  return sqlite
}

function configure(sqlite: BetterSqlite3.Database, checkIntegrity: boolean): void {
  // Reading the journal mode is the first access to the file header, so a corrupt file throws here.
  sqlite.pragma('journal_mode = WAL')
  // FULL: in WAL mode NORMAL may lose the last commits on power loss; what we told the user is saved must stay saved.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  if (!checkIntegrity) return
  const check = sqlite.pragma('quick_check(1)', { simple: true })
  if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`)
}

/** Marks the database as in use; a disk too full for the marker only costs the next start its check. */
function markInUse(marker: string, logger: Logger): void {
  try {
    fs.writeFileSync(marker, String(process.pid), { mode: PRIVATE_FILE })
  } catch (error) {
    logger.warn('could not mark the database as in use; a crash would go unchecked at the next start', {
      error: error instanceof Error ? error.message : String(error),
    })
  }
}

function moveAside(file: string, stamp: number): string {
  const aside = `${file}.corrupt-${stamp}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix)
  }
  return aside
}

/**
 * Gives a new database its own identity in the header's application_id, which every copy of page 1
 * carries, so a WAL from another database is told apart at the next open (see foreign-wal.ts).
 */
function stampIdentity(sqlite: BetterSqlite3.Database, logger: Logger): void {
  if (sqlite.pragma('application_id', { simple: true }) !== 0) return
  const id = crypto.randomBytes(4).readInt32BE(0) || 1
  try {
    sqlite.pragma(`application_id = ${id}`)
  } catch (error) {
    // On a full disk the database still opens; it is stamped at a later start.
    if (!isStorageFull(error)) throw error
    logger.warn('the database could not be given its identity yet: the disk is full')
  }
}

/** A WAL that is not this database's is moved aside before SQLite can apply it. */
function setAsideForeignWal(file: string, cleanShutdown: boolean, stamp: number, logger: Logger): string | null {
  const { foreignBecause } = judgeWal(file, cleanShutdown)
  if (!foreignBecause) return null
  const aside = setWalAside(file, stamp)
  logger.error('a write-ahead log that is not this database’s was set aside', { aside, reason: foreignBecause })
  return `A database journal (-wal) beside ${path.basename(file)} did not belong to it (${foreignBecause}), so it was not applied. It was moved to ${aside} and kept; your data is as it was last saved.`
}

/**
 * After a crash, reads the database before opening it for writing: a WAL that makes it unreadable
 * while the file alone reads intact is set aside (kept), rather than the whole database being
 * replaced by its backup. Returns the notice, if any, and whether the file still needs its check.
 */
function setAsideUnfitWal(file: string, stamp: number, logger: Logger): { notice: string | null; check: boolean } {
  const probe = probeWal(file, stamp)
  if (probe.verdict === 'undecided') return { notice: null, check: true }
  if (probe.verdict === 'intact') return { notice: null, check: false }
  logger.error('a write-ahead log that made the database unreadable was set aside', { aside: probe.aside })
  return {
    notice: `A database journal (-wal) beside ${path.basename(file)} did not fit it (it may come from another database), so it was not applied. It was moved to ${probe.aside} and kept; your data is as the database file last held it, and changes made just before Panelist last stopped may be in that copy.`,
    check: false,
  }
}

export function assertSqliteVersion(version: string): void {
  const parts = version.split('.').map(Number)
  for (let i = 0; i < MIN_SQLITE.length; i++) {
    if ((parts[i] ?? 0) > MIN_SQLITE[i]!) return
    if ((parts[i] ?? 0) < MIN_SQLITE[i]!) {
      throw new Error(`Database engine too old or unsafe: SQLite ${version} is older than ${MIN_SQLITE.join('.')}`)
    }
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { file, clock, logger } = options
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_FOLDER })
  const notices: string[] = []
  const marker = inUseMarker(file)
  const checked = fs.existsSync(marker)
  const backups = openBackups(options.backupsDir ?? path.join(path.dirname(file), 'backups'))
  const foreignWal = setAsideForeignWal(file, !checked, clock.now(), logger)
  if (foreignWal) notices.push(foreignWal)
  const unfitWal = checked ? setAsideUnfitWal(file, clock.now(), logger) : { notice: null, check: false }
  if (unfitWal.notice) notices.push(unfitWal.notice)
  let sqlite = openPrivately(file)
  try {
    configure(sqlite, unfitWal.check)
  } catch (error) {
    if (!isCorruption(error)) {
      sqlite.close()
      throw error
    }
    sqlite.close()
    const aside = moveAside(file, clock.now())
    const backup = backups.newestIntact()
    if (backup) fs.copyFileSync(backup, file)
    const started = backup
      ? `The last backup (${path.basename(backup)}) was restored: changes made after it are in the old file.`
      : 'A new, empty database was started.'
    logger.error('database corrupt, moved aside', { aside, restored: backup })
    notices.push(
      `The database could not be read and was moved aside to ${aside}. ${started} The old file is kept untouched for recovery.`,
    )
    sqlite = openPrivately(file)
    configure(sqlite, false)
  }
  stampIdentity(sqlite, logger)
  markInUse(marker, logger)
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v
  assertSqliteVersion(sqliteVersion)
  const statements = withStatementCache(sqlite)
  const connection = {}
  const dialect = guardedDialect(new SqliteDialect({ database: statements }), connection, () => sqlite.inTransaction)
  const db = markHeldConnections(new Kysely<Database>({ dialect }), connection)
  await runMigrations(db, options.migrations ?? allMigrations, clock)
  return {
    sqlite,
    db,
    direct: createDirectDb(db, sqlite, statements),
    sqliteVersion,
    notices,
    checked,
    async backUpIfDue() {
      const newest = backups.list()[0]
      if (newest && clock.now() - newest.takenAt < BACKUP_EVERY_MS) return
      try {
        logger.info('backed up the database', { file: await backups.take(sqlite, clock.now()) })
      } catch (error) {
        if (!isStorageFull(error)) throw error
        logger.warn('no backup today: the disk is full')
      }
    },
    async close() {
      await db.destroy()
      fs.rmSync(marker, { force: true })
    },
  }
}
