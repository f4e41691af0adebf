import type { Direct } from '../db/direct'

/** Synced tables of this database and their columns, as SQLite reports them. */
export type LocalSchema = ReadonlyMap<string, ReadonlySet<string>>

const SYNCED_COLUMNS = ['id', 'org_id', 'created_at', 'updated_at', 'deleted_at']

/**
 * Read from the database itself rather than from the TypeScript types, so a pull is checked
 * against the schema this install actually has: a table is synced when it carries every synced
 * column (the migrations add them with syncedColumns). Local-only tables (the queue, meta,
 * settings) lack org_id and can never be written by a pull.
 */
export function readLocalSchema(direct: Direct): LocalSchema {
  const tables = direct.all<{ name: string }>(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  )
  const schema = new Map<string, Set<string>>()
  for (const { name } of tables) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) continue
    const columns = new Set(
      direct.all<{ name: string }>(`select name from pragma_table_info(?)`, [name]).map((c) => c.name),
    )
    if (SYNCED_COLUMNS.every((c) => columns.has(c))) schema.set(name, columns)
  }
  return schema
}
