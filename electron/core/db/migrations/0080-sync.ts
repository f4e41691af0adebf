import { sql } from 'kysely'
import type { Migration } from './types'

/**
 * Team sync's own bookkeeping (see electron/core/sync/). Local tables, never synced themselves:
 * where this studio's pull stands per workspace, and which change last set each field of each
 * synced row, so a pulled older write never overwrites a newer one.
 */
export const sync: Migration = {
  version: 80,
  name: 'sync',
  async up(db) {
    await db.schema
      .createTable('sync_state')
      .addColumn('org_id', 'text', (c) => c.primaryKey())
      .addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_synced_at', 'integer')
      .execute()

    // One row per synced row that a pull has touched: a JSON object of field → HLC of the change
    // that set it. One row rather than one per field keeps a first sync of many rows one write each.
    await db.schema
      .createTable('sync_clocks')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('clocks', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_clocks_pk', ['table_name', 'row_id'])
      .modifyEnd(sql`without rowid`)
      .execute()
  },
}
