import type { Kysely } from 'kysely'
import type { Database } from './schema'

export async function getMeta(db: Kysely<Database>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value
}

export async function setMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** Reads a value, creating it once with `make` when absent (ids of this install and its org). */
export async function ensureMeta(db: Kysely<Database>, key: string, make: () => string): Promise<string> {
  const existing = await getMeta(db, key)
  if (existing !== undefined) return existing
  await db
    .insertInto('meta')
    .values({ key, value: make() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  return (await getMeta(db, key))!
}
