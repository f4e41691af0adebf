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
async function writeAndKill(file: string, rows: number, prefix: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(rows), prefix], {
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

/** A database with 275 rows, closed cleanly as the app closes it. */
async function goodDatabase(): Promise<string> {
  const file = path.join(tempDir('panelist-good-db-'), 'panelist.sqlite')
  const opened = await openDatabase({ file, clock, logger: silentLogger })
  await opened.db
    .insertInto('meta')
    .values(Array.from({ length: 275 }, (_, i) => ({ key: `good-${i}`, value: String(i) })))
    .execute()
  await opened.close()
  return file
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
