import { sql } from 'kysely'
import type { Migration } from './types'

/**
 * Re-ranking reads every candidate_features row of a job. The skill evidence lines (the largest
 * column, read only by a candidate's detail view) move to their own table, and the columns a
 * re-rank reads come first with the embedding last, so that 10,000 rows fit in a quarter of the
 * pages and reading updated_at never follows an embedding's overflow pages.
 */
export const candidateEvidence: Migration = {
  version: 11,
  name: 'candidate-evidence',
  async up(db) {
    await db.schema
      .createTable('candidate_evidence')
      .addColumn('candidate_id', 'text', (c) => c.primaryKey())
      .addColumn('skill_evidence', 'text', (c) => c.notNull())
      .execute()
    await sql`insert into candidate_evidence (candidate_id, skill_evidence)
      select candidate_id, skill_evidence from candidate_features`.execute(db)

    await db.schema
      .createTable('candidate_features_compact')
      .addColumn('candidate_id', 'text', (c) => c.primaryKey())
      .addColumn('file_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('total_years', 'real', (c) => c.notNull())
      .addColumn('education_rank', 'integer', (c) => c.notNull())
      .addColumn('doc_length', 'integer', (c) => c.notNull())
      .addColumn('skill_ids', 'text', (c) => c.notNull())
      .addColumn('terms', 'blob', (c) => c.notNull())
      .addColumn('embedding_model', 'text')
      .addColumn('embedding', 'blob')
      .execute()
    await sql`insert into candidate_features_compact (candidate_id, file_id, updated_at, total_years, education_rank,
        doc_length, skill_ids, terms, embedding_model, embedding)
      select candidate_id, file_id, updated_at, total_years, education_rank, doc_length, skill_ids, terms, embedding_model, embedding
      from candidate_features`.execute(db)
    await db.schema.dropTable('candidate_features').execute()
    await db.schema.alterTable('candidate_features_compact').renameTo('candidate_features').execute()
  },
}
