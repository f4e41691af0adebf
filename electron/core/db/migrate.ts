import { sql, type Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Migration } from './migrations/types'
import type { Database } from './schema'

/**
 * Applies every migration not yet recorded, in version order, each in its own transaction so a
 * crash mid-migration leaves the database at the previous version.
 */
export async function runMigrations(db: Kysely<Database>, migrations: Migration[], clock: Clock): Promise<number[]> {
  const versions = new Set<number>()
  for (const m of migrations) {
    if (versions.has(m.version)) throw new Error(`Two migrations share version ${m.version}`)
    versions.add(m.version)
  }
  await sql`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at integer not null)`.execute(
    db,
  )
  const applied = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version))
  const pending = [...migrations].filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version)
  for (const migration of pending) {
    await db.transaction().execute(async (trx) => {
      await migration.up(trx)
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: clock.now() })
        .execute()
    })
  }
  return pending.map((m) => m.version)
}
