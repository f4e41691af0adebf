import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackups } from '@core/db/backup'
import { openDatabase } from '@core/db/open'
import { silentLogger } from '@core/logger'
import { tempDir } from '../../helpers/temp-studio'
import { killWriters, startWriter } from './writer-process'

afterEach(killWriters)

const rowsIn = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    const { n } = db.prepare('select count(*) as n from steady').get() as { n: number }
    return { n, check: db.pragma('integrity_check', { simple: true }) }
  } finally {
    db.close()
  }
}

describe('backups of the database (§7 D06)', () => {
  it('are consistent while another process writes, and hold every row committed before they began', async () => {
    const dir = tempDir('panelist-backup-')
    const file = path.join(dir, 'panelist.sqlite')
    const { committed } = await startWriter(file, 200)
    const reader = new BetterSqlite3(file)
    const before = committed()
    const backup = await openBackups(path.join(dir, 'backups')).take(reader, 1_700_000_000_000)
    reader.close()
    const taken = rowsIn(backup)
    expect(taken.check).toBe('ok')
    expect(taken.n).toBeGreaterThanOrEqual(before)
    expect(path.basename(backup)).toBe('panelist-1700000000000.sqlite')
  })

  it('could not be a copy of the file: the rows still in the WAL would be missing', async () => {
    const dir = tempDir('panelist-naive-copy-')
    const file = path.join(dir, 'panelist.sqlite')
    const { committed } = await startWriter(file, 200)
    const before = committed()
    fs.copyFileSync(file, path.join(dir, 'copy.sqlite'))
    const copied = new BetterSqlite3(path.join(dir, 'copy.sqlite'), { readonly: true })
    const table = copied.prepare("select count(*) as n from sqlite_master where name = 'steady'").get() as { n: number }
    const n = table.n ? (copied.prepare('select count(*) as n from steady').get() as { n: number }).n : 0
    copied.close()
    expect(n).toBeLessThan(before)
  })

  it('keep the newest three, and restore the newest intact one when the database is found corrupt', async () => {
    const dir = tempDir('panelist-restore-')
    const file = path.join(dir, 'panelist.sqlite')
    let now = 1_700_000_000_000
    const clock = { now: () => now }
    const opened = await openDatabase({ file, clock, logger: silentLogger })
    await opened.db.insertInto('meta').values({ key: 'kept', value: 'in the backup' }).execute()
    for (let day = 0; day < 5; day++) {
      await opened.backUpIfDue()
      now += 25 * 3600 * 1000
    }
    await opened.backUpIfDue()
    await opened.backUpIfDue()
    const backups = openBackups(path.join(dir, 'backups')).list()
    expect(backups).toHaveLength(3)
    expect(backups[0]!.takenAt).toBe(now)
    await opened.db.insertInto('meta').values({ key: 'after', value: 'not in the backup' }).execute()
    await opened.close()
    fs.writeFileSync(backups[0]!.file, 'not a database')

    const garbled = fs.readFileSync(file)
    garbled.fill(0x55, 0, 100)
    fs.writeFileSync(file, garbled)
    const reopened = await openDatabase({ file, clock, logger: silentLogger })
    expect(reopened.notices).toEqual([
      expect.stringContaining(`The last backup (${path.basename(backups[1]!.file)}) was restored`),
    ])
    const keys = (await reopened.db.selectFrom('meta').select('key').execute()).map((row) => row.key)
    expect(keys).toContain('kept')
    expect(keys).not.toContain('after')
    await reopened.close()
  })
})
