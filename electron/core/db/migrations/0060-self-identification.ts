import { sql } from 'kysely'
import type { Migration } from './types'

/**
 * Voluntary self-identification for the adverse-impact report (see electron/core/fairness/tables.ts).
 * Its own table, apart from candidates, so nothing that reads a candidate reads it by accident; local
 * only (not synced), as the team schema has no place for it yet.
 */
export const selfIdentification: Migration = {
  version: 60,
  name: 'self_identification',
  async up(db) {
    await db.schema
      .createTable('self_identifications')
      .addColumn('candidate_id', 'text', (c) => c.primaryKey())
      .addColumn('sex', 'text')
      .addColumn('race', 'text')
      .addColumn('age_band', 'text')
      .addColumn('updated_at', 'integer', (c) => c.notNull().check(sql`updated_at >= 0`))
      .execute()
  },
}
