import { sql } from 'kysely'
import type { Migration } from './types'
import { syncedColumns } from './synced-columns'

/** Assessments of finished interviews, their per-answer scores and integrity signals (see electron/core/assessment/tables.ts). */
export const assessments: Migration = {
  version: 40,
  name: 'assessments',
  async up(db) {
    await syncedColumns(db.schema.createTable('assessments'))
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('run_key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ai','offline')`))
      .addColumn('rubric_version', 'text', (c) => c.notNull())
      .addColumn('prompt_version', 'text')
      .addColumn('model', 'text')
      .addColumn('temperature', 'real')
      .addColumn('overall_score', 'real', (c) => c.notNull())
      .addColumn('formula', 'text', (c) => c.notNull())
      .addColumn('recommendation', 'text', (c) => c.check(sql`recommendation in ('hire','consider','reject')`))
      .addColumn('strengths', 'text', (c) => c.notNull())
      .addColumn('weaknesses', 'text', (c) => c.notNull())
      .addColumn('next_steps', 'text', (c) => c.notNull())
      .addColumn('skills', 'text', (c) => c.notNull())
      .addColumn('boundaries', 'text', (c) => c.notNull())
      .addColumn('consistency', 'text', (c) => c.notNull())
      .addColumn('passes', 'text', (c) => c.notNull())
      .addColumn('cost_nano', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('assessments_session').on('assessments').columns(['session_id', 'created_at']).execute()

    await syncedColumns(db.schema.createTable('assessment_answer_scores'))
      .addColumn('assessment_id', 'text', (c) => c.notNull())
      .addColumn('answer_id', 'text', (c) => c.notNull())
      .addColumn('turn_index', 'integer', (c) => c.notNull())
      .addColumn('question_text', 'text', (c) => c.notNull())
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('is_follow_up', 'integer', (c) => c.notNull())
      .addColumn('skipped', 'integer', (c) => c.notNull())
      .addColumn('dimension', 'text', (c) =>
        c.notNull().check(sql`dimension in ('relevance','completeness','clarity','depth','heuristic')`),
      )
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('quotes', 'text', (c) => c.notNull())
      .addColumn('supported', 'integer', (c) => c.notNull())
      .addColumn('dropped_quotes', 'integer', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('assessment_answer_scores_assessment')
      .on('assessment_answer_scores')
      .columns(['assessment_id', 'turn_index'])
      .execute()

    await syncedColumns(db.schema.createTable('assessment_integrity_signals'))
      .addColumn('assessment_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('low','medium','high')`))
      .addColumn('turn_index', 'integer')
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'integer')
      .execute()
    await db.schema
      .createIndex('assessment_integrity_signals_assessment')
      .on('assessment_integrity_signals')
      .column('assessment_id')
      .execute()
  },
}
