import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import type { TestPostgres } from '../postgres/server'

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../supabase/migrations')
const PLATFORM_SQL = path.join(__dirname, 'platform.sql')

/** The migration files in the order `supabase db push` applies them (by their timestamp prefix). */
export function migrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d+_.+\.sql$/.test(name))
    .sort()
    .map((name) => path.join(MIGRATIONS_DIR, name))
}

/**
 * Turns a fresh database into a Supabase project's: the platform's roles and `auth` schema first,
 * then every migration unchanged, each in its own transaction, as the `postgres` role (the owner
 * Supabase runs migrations as).
 */
export async function applySupabaseSchema(server: TestPostgres): Promise<void> {
  const client = new pg.Client(server.connection('postgres'))
  await client.connect()
  try {
    for (const file of [PLATFORM_SQL, ...migrationFiles()]) {
      try {
        await client.query(`begin;\n${fs.readFileSync(file, 'utf8')}\ncommit;`)
      } catch (error) {
        await client.query('rollback')
        throw new Error(`${path.basename(file)}: ${(error as Error).message}`, { cause: error })
      }
    }
  } finally {
    await client.end()
  }
}
