import { sql } from 'kysely'
import type { Migration } from './types'

/** AI usage accounting and AI settings (see electron/core/ai/tables.ts). */
export const aiUsage: Migration = {
  version: 20,
  name: 'ai-usage',
  async up(db) {
    await db.schema
      .createTable('ai_usage')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull().check(sql`provider in ('openai','deepgram')`))
      .addColumn('capability', 'text', (c) => c.notNull().check(sql`capability in ('chat','embeddings','stt','tts')`))
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('interview_id', 'text')
      .addColumn('job_id', 'text')
      .addColumn('input_tokens', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('output_tokens', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('audio_ms', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('characters', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cost_nano', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('estimated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('ok','error','cancelled')`))
      .addColumn('error_kind', 'text')
      .addColumn('latency_ms', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema.createIndex('ai_usage_month').on('ai_usage').columns(['month', 'capability']).execute()
    await db.schema
      .createIndex('ai_usage_interview')
      .on('ai_usage')
      .column('interview_id')
      .where('interview_id', 'is not', null)
      .execute()
    await db.schema
      .createIndex('ai_usage_job')
      .on('ai_usage')
      .column('job_id')
      .where('job_id', 'is not', null)
      .execute()

    await db.schema
      .createTable('ai_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute()
  },
}
