import { sql } from 'kysely'
import type { Migration } from './types'
import { syncedColumns } from './synced-columns'

/** Recruiters' decisions on interviews and their score overrides (see electron/core/assessment/decisions/tables.ts). */
export const assessmentDecisions: Migration = {
  version: 41,
  name: 'assessment_decisions',
  async up(db) {
    await syncedColumns(db.schema.createTable('assessment_decisions'))
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('assessment_id', 'text')
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('advance','hold','reject')`))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('application_id', 'text')
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .execute()
    await db.schema
      .createIndex('assessment_decisions_session')
      .on('assessment_decisions')
      .columns(['session_id', 'created_at'])
      .execute()

    await syncedColumns(db.schema.createTable('assessment_score_overrides'))
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('assessment_id', 'text', (c) => c.notNull())
      .addColumn('answer_id', 'text')
      .addColumn('dimension', 'text', (c) =>
        c.notNull().check(sql`dimension in ('overall','relevance','completeness','clarity','depth','heuristic')`),
      )
      .addColumn('original_score', 'real', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('assessment_score_overrides_session')
      .on('assessment_score_overrides')
      .columns(['session_id', 'created_at'])
      .execute()
  },
}
