import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { judgeWal } from '@core/db/foreign-wal'
import { openDatabase } from '@core/db/open'
import { silentLogger } from '@core/logger'
import { tempDir } from '../../helpers/temp-studio'

const clock = { now: () => 1_700_000_000_000 }
const WRITER = path.join(__dirname, 'fixtures/wal-writer.ts')

/** Runs the writer on `file` and kills it with SIGKILL once its rows are committed. */
async function writeAndKill(file: string, rows: number, prefix: string, mode = 'insert'): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(rows), prefix, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr.on('data', (d) => (err += d))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('WRITTEN') && resolve())
    child.on('exit', () => reject(new Error(`the writer exited before writing: ${err}`)))
  })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

const countRows = (file: string, prefix: string) => {
  const db = new Database(file, { readonly: true })
  const { n } = db.prepare('select count(*) as n from meta where key like ?').get(`${prefix}-%`) as { n: number }
  db.close()
  return n
}

/** A database with `rows` rows named by `prefix`, closed cleanly as the app closes it. */
async function closedDatabase(prefix: string, rows: number, value: (i: number) => string): Promise<string> {
  const file = path.join(tempDir(`panelist-${prefix}-db-`), 'panelist.sqlite')
  const opened = await openDatabase({ file, clock, logger: silentLogger })
  const values = Array.from({ length: rows }, (_, i) => ({ key: `${prefix}-${i}`, value: value(i) }))
  for (let at = 0; at < rows; at += 200)
    await opened.db
      .insertInto('meta')
      .values(values.slice(at, at + 200))
      .execute()
  await opened.close()
  return file
}

/** A database with 275 rows, closed cleanly as the app closes it. */
const goodDatabase = () => closedDatabase('good', 275, String)

/**
 * Another data folder's database that crashed while rewriting rows in place: its WAL holds no page 1.
 * The crash is the -wal and -shm as they stand on disk while the writer still has them open (what
 * a kill leaves), copied beside a path of their own; a killed child process was seen, under load in
 * CI, to leave an empty WAL (cause not found), so this set-up no longer depends on one.
 */
async function otherCrashedInPlace(rows: number, valueLength: number): Promise<string> {
  const other = await closedDatabase('other', rows, () => 'x'.repeat(valueLength))
  const writer = new Database(other)
  writer.pragma('journal_mode = WAL')
  writer.pragma('wal_autocheckpoint = 0')
  writer.prepare("update meta set value = upper(value) where key like 'other-%'").run()
  const crashed = path.join(tempDir('panelist-crashed-'), 'panelist.sqlite')
  for (const suffix of ['-wal', '-shm']) fs.copyFileSync(other + suffix, crashed + suffix)
  writer.close()
  expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0)
  return crashed
}

describe('a WAL beside the database (finding 8)', () => {
  it('is set aside and kept when it comes from another database, with a notice, and the data stay', async () => {
    const file = await goodDatabase()
    const other = path.join(tempDir('panelist-other-db-'), 'panelist.sqlite')
    await writeAndKill(other, 50, 'other')
    expect(fs.statSync(`${other}-wal`).size).toBeGreaterThan(0)
    fs.copyFileSync(`${other}-wal`, `${file}-wal`)
    expect(judgeWal(file, true).foreignBecause).toMatch(/another database/)

    const opened = await openDatabase({ file, clock, logger: silentLogger })
    const aside = `${file}.foreign-wal-${clock.now()}`
    expect(opened.notices).toEqual([expect.stringContaining(aside)])
    expect(fs.readFileSync(aside)).toEqual(fs.readFileSync(`${other}-wal`))
    await opened.close()
    expect(countRows(file, 'good')).toBe(275)
    expect(countRows(file, 'other')).toBe(0)
  })

  it('is applied when it is the database’s own, left by a crash', async () => {
    const file = await goodDatabase()
    await writeAndKill(file, 40, 'crash')
    expect(fs.existsSync(`${file}-wal`)).toBe(true)
    expect(judgeWal(file, false).foreignBecause).toBeNull()

    const opened = await openDatabase({ file, clock, logger: silentLogger })
    expect(opened.notices).toEqual([])
    await opened.close()
    expect(countRows(file, 'good')).toBe(275)
    expect(countRows(file, 'crash')).toBe(40)
  })

  it('is told apart after a crash by the -shm the crash left, even when it holds no copy of page 1', async () => {
    const file = await goodDatabase()
    await writeAndKill(file, 40, 'crash')
    const other = await otherCrashedInPlace(275, 3)
    fs.copyFileSync(`${other}-wal`, `${file}-wal`)
    expect(judgeWal(file, false).foreignBecause).toMatch(/not the journal the last run was writing/)

    const opened = await openDatabase({ file, clock, logger: silentLogger })
    const aside = `${file}.foreign-wal-${clock.now()}`
    expect(opened.notices).toEqual([expect.stringContaining(aside)])
    expect(fs.readFileSync(aside)).toEqual(fs.readFileSync(`${other}-wal`))
    await opened.close()
    expect(countRows(file, 'good')).toBe(275)
    expect(countRows(file, 'other')).toBe(0)
  })

  it('is applied after a crash when the -shm lags it, as a power cut can leave it', async () => {
    const file = await goodDatabase()
    await writeAndKill(file, 40, 'crash')
    const lagging = fs.readFileSync(`${file}-shm`)
    await writeAndKill(file, 30, 'later', 'restart')
    // The -shm is never synced: after a power cut it may still index the WAL before the restart.
    fs.writeFileSync(`${file}-shm`, lagging)
    expect(judgeWal(file, false).foreignBecause).toBeNull()

    const opened = await openDatabase({ file, clock, logger: silentLogger })
    expect(opened.notices).toEqual([])
    await opened.close()
    expect([countRows(file, 'good'), countRows(file, 'crash'), countRows(file, 'later')]).toEqual([275, 40, 30])
  })

  it('is set aside after a crash when, with its own -shm, it does not fit the database, which keeps its data', async () => {
    const file = await goodDatabase()
    await writeAndKill(file, 40, 'crash')
    const other = await otherCrashedInPlace(2_000, 300)
    fs.copyFileSync(`${other}-wal`, `${file}-wal`)
    fs.copyFileSync(`${other}-shm`, `${file}-shm`)
    // Nothing in the files tells it apart: only reading the database through it does.
    expect(judgeWal(file, false).foreignBecause).toBeNull()

    const opened = await openDatabase({ file, clock, logger: silentLogger })
    const aside = `${file}.foreign-wal-${clock.now()}`
    expect(opened.notices).toEqual([expect.stringMatching(/did not fit it/)])
    expect(opened.notices[0]).toContain(aside)
    expect(fs.readFileSync(aside)).toEqual(fs.readFileSync(`${other}-wal`))
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes('corrupt'))).toEqual([])
    await opened.close()
    expect(countRows(file, 'good')).toBe(275)
  })

  it('is judged foreign when committed frames follow a clean close, and ignored when SQLite would ignore it', async () => {
    const file = await goodDatabase()
    const crashed = await goodDatabase()
    await writeAndKill(crashed, 10, 'late')
    // The same database's WAL, but only a crash leaves one: after a clean close it came from elsewhere.
    fs.copyFileSync(`${crashed}-wal`, `${file}-wal`)
    expect(judgeWal(file, true).foreignBecause).not.toBeNull()
    fs.writeFileSync(`${file}-wal`, Buffer.alloc(4096, 7))
    expect(judgeWal(file, true).foreignBecause).toBeNull()
  })
})
