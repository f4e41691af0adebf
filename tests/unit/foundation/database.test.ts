import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrations } from '@core/db/migrations'
import type { Migration } from '@core/db/migrations/types'
import { openDatabase } from '@core/db/open'
import { DATABASE_FILE } from '@core/studio'
import { silentLogger } from '@core/logger'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'

const clock = { now: () => 1_700_000_000_000 }

describe('database', () => {
  it('opens with WAL, FULL sync, foreign keys and a busy timeout, and applies migrations once', async () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const first = await openDatabase({ file, clock, logger: silentLogger })
    expect(first.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(first.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(first.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(first.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(first.sqliteVersion).toMatch(/^3\.\d+\.\d+$/)
    const applied = await first.db.selectFrom('schema_migrations').selectAll().execute()
    expect(applied.map((m) => m.version)).toContain(1)
    await first.db.destroy()
    const again = await openDatabase({ file, clock, logger: silentLogger })
    expect(await again.db.selectFrom('schema_migrations').selectAll().execute()).toHaveLength(applied.length)
    await again.db.destroy()
  })

  it('rolls back a failing migration and leaves the earlier version in place', async () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const broken: Migration = {
      version: 999,
      name: 'broken',
      async up(db) {
        await db.schema.createTable('half_made').addColumn('id', 'text').execute()
        throw new Error('migration bug')
      },
    }
    await expect(
      openDatabase({ file, clock, logger: silentLogger, migrations: [...migrations, broken] }),
    ).rejects.toThrow('migration bug')
    const reopened = await openDatabase({ file, clock, logger: silentLogger })
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(reopened.db)
    expect(tables.rows.map((r) => r.name)).not.toContain('half_made')
    await reopened.db.destroy()
  })

  it('checks the whole file only when the last run did not close it', async () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const marker = `${file}.in-use`
    const fresh = await openDatabase({ file, clock, logger: silentLogger })
    expect([fresh.checked, fs.existsSync(marker)]).toEqual([false, true])
    await fresh.close()
    expect(fs.existsSync(marker)).toBe(false)
    const clean = await openDatabase({ file, clock, logger: silentLogger })
    expect(clean.checked).toBe(false)
    // A crash: the connection goes away without the clean close.
    await clean.db.destroy()
    const afterCrash = await openDatabase({ file, clock, logger: silentLogger })
    expect(afterCrash.checked).toBe(true)
    await afterCrash.close()
  })

  it('finds a page damaged before an unclean shutdown at the next start, and moves the database aside', async () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const first = await openDatabase({ file, clock, logger: silentLogger })
    await sql`create table filler (id integer primary key, v text)`.execute(first.db)
    for (let i = 0; i < 40; i++)
      await sql`insert into filler (v) select ${'x'.repeat(200)} from (select 1 union all select 2 union all select 3 union all select 4 union all select 5)`.execute(
        first.db,
      )
    await first.db.destroy()
    // Deep inside the file, where opening alone reads nothing: only the integrity check finds it.
    const fd = fs.openSync(file, 'r+')
    const pages = fs.fstatSync(fd).size / 4096
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * (pages - 2))
    fs.closeSync(fd)
    const reopened = await openDatabase({ file, clock, logger: silentLogger })
    expect(reopened.checked).toBe(true)
    expect(reopened.notices).toEqual([expect.stringMatching(/moved aside/)])
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes('.corrupt-'))).toHaveLength(1)
    await reopened.close()
  })

  it('moves a corrupt database aside with a notice and starts a fresh one', async () => {
    const dataDir = tempDir()
    const file = path.join(dataDir, DATABASE_FILE)
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a))
    const { studio } = await createTempStudio({ dataDir, startWorkers: false })
    const info = studio.info()
    expect(info.notices).toHaveLength(1)
    expect(info.notices[0]).toMatch(/moved aside/)
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith(`${DATABASE_FILE}.corrupt-`))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(path.join(dataDir, aside[0]!))).toEqual(Buffer.alloc(8192, 0x5a))
    expect(await studio.db.selectFrom('jobs').selectAll().execute()).toEqual([])
    await studio.close()
  })
})

describe('synced writes', () => {
  it('writes a change-log row with an HLC timestamp in the same transaction as each change', async () => {
    const { studio } = await createTempStudio({ startWorkers: false })
    const id = await studio.db
      .transaction()
      .execute((trx) => studio.writer.insert(trx, 'demo_counters', { name: 'a', value: 1 }))
    await studio.db.transaction().execute((trx) => studio.writer.update(trx, 'demo_counters', id, { value: 2 }))
    await studio.db.transaction().execute((trx) => studio.writer.softDelete(trx, 'demo_counters', id))
    const row = await studio.db.selectFrom('demo_counters').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.value).toBe(2)
    expect(row.deleted_at).not.toBeNull()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    const log = await studio.db.selectFrom('change_log').selectAll().where('row_id', '=', id).orderBy('seq').execute()
    expect(log.map((l) => l.op)).toEqual(['insert', 'update', 'delete'])
    expect(JSON.parse(log[1]!.fields)).toMatchObject({ value: 2 })
    expect(log.every((l) => l.org_id === row.org_id)).toBe(true)
    const hlcs = log.map((l) => l.hlc)
    expect([...hlcs].sort()).toEqual(hlcs)
    expect(new Set(hlcs).size).toBe(3)

    await expect(
      studio.db.transaction().execute(async (trx) => {
        await studio.writer.update(trx, 'demo_counters', id, { value: 99 })
        throw new Error('caller failed after writing')
      }),
    ).rejects.toThrow('caller failed')
    const after = await studio.db.selectFrom('change_log').selectAll().where('row_id', '=', id).execute()
    expect(after).toHaveLength(3)
    expect(
      (await studio.db.selectFrom('demo_counters').select('value').where('id', '=', id).executeTakeFirstOrThrow())
        .value,
    ).toBe(2)
    await studio.close()
  })
})

describe('sqlite version gate', () => {
  it('refuses engines with the WAL-reset bug and accepts fixed ones', async () => {
    const { assertSqliteVersion } = await import('@core/db/open')
    expect(() => assertSqliteVersion('3.51.2')).toThrow(/too old or unsafe/)
    expect(() => assertSqliteVersion('3.45.0')).toThrow(/too old or unsafe/)
    expect(() => assertSqliteVersion('3.51.3')).not.toThrow()
    expect(() => assertSqliteVersion('3.53.2')).not.toThrow()
    expect(() => assertSqliteVersion('4.0.0')).not.toThrow()
  })
})
