import type { CreateTableBuilder } from 'kysely'

/**
 * Adds the columns every synced table carries (SyncedColumns in ../columns), as shipped migrations
 * created them. Frozen with them: a new shape of synced table gets a new helper, never an edit here.
 */
export function syncedColumns<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'integer') as CreateTableBuilder<T, never>
}
