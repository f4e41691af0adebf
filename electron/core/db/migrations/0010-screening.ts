import { sql } from 'kysely'
import type { Migration } from './types'
import { syncedColumns } from './synced-columns'

export const screening: Migration = {
  version: 10,
  name: 'screening',
  async up(db) {
    await syncedColumns(db.schema.createTable('job_openings'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('employment_type', 'text', (c) => c.notNull())
      .addColumn('salary_min', 'integer')
      .addColumn('salary_max', 'integer')
      .addColumn('salary_currency', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('requirements', 'text', (c) => c.notNull())
      .addColumn('required_skills', 'text', (c) => c.notNull())
      .addColumn('preferred_skills', 'text', (c) => c.notNull())
      .addColumn('min_years', 'real', (c) => c.notNull())
      .addColumn('education_level', 'text', (c) => c.notNull())
      .addColumn('weights', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','closed','archived')`))
      .execute()
    await db.schema.createIndex('job_openings_status').on('job_openings').columns(['status', 'updated_at']).execute()

    await syncedColumns(db.schema.createTable('candidates'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('email_key', 'text')
      .addColumn('phone_key', 'text')
      .addColumn('links', 'text', (c) => c.notNull())
      .addColumn('current_title', 'text')
      .addColumn('total_years', 'real', (c) => c.notNull())
      .addColumn('education_level', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('current_file_id', 'text')
      .execute()
    await db.schema.createIndex('candidates_email_key').on('candidates').column('email_key').execute()
    await db.schema.createIndex('candidates_phone_key').on('candidates').column('phone_key').execute()

    await syncedColumns(db.schema.createTable('resume_files'))
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('stored_path', 'text', (c) => c.notNull())
      .addColumn('file_time', 'integer', (c) => c.notNull())
      .addColumn('pages', 'integer', (c) => c.notNull())
      .addColumn('flags', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('resume_files_hash').on('resume_files').column('content_hash').execute()
    await db.schema.createIndex('resume_files_candidate').on('resume_files').column('candidate_id').execute()

    await syncedColumns(db.schema.createTable('applications'))
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('applications_job_candidate')
      .on('applications')
      .columns(['job_id', 'candidate_id'])
      .unique()
      .execute()
    await db.schema.createIndex('applications_candidate').on('applications').column('candidate_id').execute()

    await syncedColumns(db.schema.createTable('status_changes'))
      .addColumn('application_id', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('import','set','undo')`))
      .execute()
    await db.schema
      .createIndex('status_changes_application')
      .on('status_changes')
      .columns(['application_id', 'id'])
      .execute()

    await syncedColumns(db.schema.createTable('candidate_notes'))
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('job_id', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('candidate_notes_candidate')
      .on('candidate_notes')
      .columns(['candidate_id', 'id'])
      .execute()

    await db.schema
      .createTable('resume_documents')
      .addColumn('file_id', 'text', (c) => c.primaryKey())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('hidden_text', 'text', (c) => c.notNull())
      .addColumn('parsed', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('candidate_features')
      .addColumn('candidate_id', 'text', (c) => c.primaryKey())
      .addColumn('file_id', 'text', (c) => c.notNull())
      .addColumn('skill_ids', 'text', (c) => c.notNull())
      .addColumn('skill_evidence', 'text', (c) => c.notNull())
      .addColumn('total_years', 'real', (c) => c.notNull())
      .addColumn('education_rank', 'integer', (c) => c.notNull())
      .addColumn('doc_length', 'integer', (c) => c.notNull())
      .addColumn('terms', 'blob', (c) => c.notNull())
      .addColumn('embedding', 'blob')
      .addColumn('embedding_model', 'text')
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('application_scores')
      .addColumn('application_id', 'text', (c) => c.primaryKey())
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('semantic', 'real')
      .addColumn('parts', 'text', (c) => c.notNull())
      .addColumn('matched', 'text', (c) => c.notNull())
      .addColumn('missing', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'integer', (c) => c.notNull())
      .execute()
    // job_id alone: a re-rank rewrites every score of a job, and an index on the score would be rebuilt each time.
    await db.schema.createIndex('application_scores_job').on('application_scores').column('job_id').execute()

    await db.schema
      .createTable('job_embeddings')
      .addColumn('job_id', 'text', (c) => c.primaryKey())
      .addColumn('text_hash', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('vector', 'blob', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('intake_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('job_id', 'text')
      .addColumn('queue_job_id', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('queued','running','done','cancelled','failed')`),
      )
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('intake_batches_job').on('intake_batches').columns(['job_id', 'created_at']).execute()

    await db.schema
      .createTable('intake_items')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source_path', 'text')
      .addColumn('staged_hash', 'text')
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('file_time', 'integer')
      .addColumn('outcome', 'text', (c) =>
        c.notNull().check(sql`outcome in ('pending','imported','duplicate','refused','cancelled')`),
      )
      .addColumn('reason', 'text')
      .addColumn('message', 'text')
      .addColumn('candidate_id', 'text')
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('intake_items_batch')
      .on('intake_items')
      .columns(['batch_id', 'outcome', 'id'])
      .execute()
  },
}
