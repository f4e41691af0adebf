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

/** The cluster superuser a Supabase database is started with; `postgres` is then an ordinary role. */
export const PLATFORM_SUPERUSER = 'supabase_admin'

async function runFiles(server: TestPostgres, user: string, files: string[]): Promise<void> {
  const client = new pg.Client(server.connection(user))
  await client.connect()
  try {
    for (const file of files) {
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

/**
 * Turns a fresh database (of a cluster whose superuser is PLATFORM_SUPERUSER) into a Supabase
 * project's: the platform's roles and `auth` schema first, as the superuser; then every migration
 * unchanged, each in its own transaction, as `postgres`, the non-superuser Supabase runs them as.
 */
export async function applySupabaseSchema(server: TestPostgres): Promise<void> {
  if (server.superuser !== PLATFORM_SUPERUSER) {
    throw new Error(
      `start Postgres with { superuser: '${PLATFORM_SUPERUSER}' } so that postgres can be an ordinary role`,
    )
  }
  await runFiles(server, PLATFORM_SUPERUSER, [PLATFORM_SQL])
  await runFiles(server, 'postgres', migrationFiles())
}
