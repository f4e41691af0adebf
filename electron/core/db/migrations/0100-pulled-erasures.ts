import type { Migration } from './types'

/**
 * Rows a teammate erased on a person's request, as pulled from the workspace: the rights domain
 * removes what this studio holds about them (a plain synced delete keeps the row as a tombstone).
 */
export const pulledErasures: Migration = {
  version: 100,
  name: 'pulled_erasures',
  async up(db) {
    await db.schema
      .createTable('pulled_erasures')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('pulled_erasures_pk', ['table_name', 'row_id'])
      .execute()
  },
}
