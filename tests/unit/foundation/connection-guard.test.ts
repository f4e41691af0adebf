import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HeldConnectionError } from '@core/db/connection-guard'
import { openDatabase, type OpenedDatabase } from '@core/db/open'
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

const metaCount = (from: OpenedDatabase['db']) =>
  from
    .selectFrom('meta')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()

describe('a query through the main database while a transaction holds the connection', () => {
  it('fails at once instead of waiting for ever, and the transaction still commits', async () => {
    const { db } = await database()
    const inside = await db.transaction().execute(async (trx) => {
      await expect(metaCount(db)).rejects.toBeInstanceOf(HeldConnectionError)
      await trx.insertInto('meta').values({ key: 'written-inside', value: '1' }).execute()
      return metaCount(trx)
    })
    expect(inside.n).toBe(1)
    // The connection is free again for everyone.
    await expect(metaCount(db)).resolves.toEqual(inside)
  })

  it('fails the same way from db.connection(), from a derived transaction builder and from a direct transaction inside one', async () => {
    const { db, direct } = await database()
    await db.connection().execute(async () => {
      await expect(metaCount(db)).rejects.toBeInstanceOf(HeldConnectionError)
    })
    await db
      .transaction()
      .setIsolationLevel('serializable')
      .execute(async () => {
        await expect(metaCount(db)).rejects.toBeInstanceOf(HeldConnectionError)
        await expect(direct.transaction(() => 1)).rejects.toBeInstanceOf(HeldConnectionError)
      })
  })

  it('lets other requests queue behind a transaction as before', async () => {
    const { db } = await database()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const order: string[] = []
    const transaction = db.transaction().execute(async (trx) => {
      await held
      await metaCount(trx)
      order.push('transaction')
    })
    // Started outside the transaction's flow: it waits its turn rather than failing.
    const other = metaCount(db).then(() => order.push('other'))
    release()
    await Promise.all([transaction, other])
    expect(order).toEqual(['transaction', 'other'])
  })
})
