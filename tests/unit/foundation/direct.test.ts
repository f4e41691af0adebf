import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { identifier, insertRow } from '@core/db/direct'
import { openDatabase, type OpenedDatabase } from '@core/db/open'
import { withStatementCache } from '@core/db/statement-cache'
import { silentLogger } from '@core/logger'
import { tempDir } from '../../helpers/temp-studio'

const clock = { now: () => 1_700_000_000_000 }
const open: OpenedDatabase[] = []
afterEach(async () => {
  while (open.length) await open.pop()!.db.destroy()
})

async function database() {
  const opened = await openDatabase({ file: path.join(tempDir(), 'db.sqlite'), clock, logger: silentLogger })
  open.push(opened)
  return opened
}

const metaKeys = (opened: OpenedDatabase) =>
  opened.db
    .selectFrom('meta')
    .select('key')
    .orderBy('key')
    .execute()
    .then((rows) => rows.map((r) => r.key))

describe('statement cache', () => {
  it('hands out one prepared statement per SQL, a fresh one while it is busy, and keeps only the most recent', () => {
    const sqlite = new BetterSqlite3(':memory:')
    const cache = withStatementCache(sqlite, 2)
    sqlite.exec('create table t (n integer); insert into t values (1), (2)')
    const first = cache.prepare('select n from t')
    expect(cache.prepare('select n from t')).toBe(first)

    const rows = first.iterate()
    rows.next()
    const whileBusy = cache.prepare('select n from t')
    expect(whileBusy).not.toBe(first)
    expect(whileBusy.all()).toEqual([{ n: 1 }, { n: 2 }])
    rows.return?.()
    expect(cache.prepare('select n from t')).toBe(first)

    cache.prepare('select 1')
    cache.prepare('select 2')
    expect(cache.prepare('select n from t')).not.toBe(first)
    cache.close()
  })
})

describe('direct transactions', () => {
  it('write all or nothing', async () => {
    const opened = await database()
    await expect(
      opened.direct.transaction((direct) => {
        insertRow(direct, 'meta', { key: 'rolled-back', value: '1' })
        throw new Error('half-way')
      }),
    ).rejects.toThrow('half-way')
    await opened.direct.transaction((direct) => insertRow(direct, 'meta', { key: 'committed', value: '1' }))
    expect(await metaKeys(opened)).not.toContain('rolled-back')
    expect(await metaKeys(opened)).toContain('committed')
  })

  it('wait for a Kysely transaction in progress instead of running inside it', async () => {
    const opened = await database()
    const order: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const kysely = opened.db.transaction().execute(async (trx) => {
      await trx.insertInto('meta').values({ key: 'kysely', value: '1' }).execute()
      order.push('kysely wrote')
      await held
      throw new Error('rolled back')
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const direct = opened.direct.transaction((d) => {
      order.push('direct ran')
      insertRow(d, 'meta', { key: 'direct', value: '1' })
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toEqual(['kysely wrote'])
    release()
    await expect(kysely).rejects.toThrow('rolled back')
    await direct
    expect(order).toEqual(['kysely wrote', 'direct ran'])
    // The direct write was not swept away with the Kysely transaction's rollback.
    expect(await metaKeys(opened)).toContain('direct')
    expect(await metaKeys(opened)).not.toContain('kysely')
  })

  it('accept only plain table and column names', () => {
    expect(identifier('resume_files')).toBe('"resume_files"')
    for (const bad of ['x"; drop table meta; --', 'Meta', '1st', 'a b', '']) expect(() => identifier(bad)).toThrow()
  })
})
