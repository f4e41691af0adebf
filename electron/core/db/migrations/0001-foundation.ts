import { sql } from 'kysely'
import type { Migration } from './types'
import { syncedColumns } from './synced-columns'

export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  async up(db) {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('change_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull().check(sql`op in ('insert','update','delete')`))
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('pushed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema.createIndex('change_log_unpushed').on('change_log').columns(['pushed', 'seq']).execute()
    await db.schema.createIndex('change_log_row').on('change_log').columns(['table_name', 'row_id']).execute()

    await db.schema
      .createTable('jobs')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('queued','running','succeeded','failed','dead','cancelled')`),
      )
      .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('run_at', 'integer', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'integer')
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('progress_note', 'text')
      .addColumn('last_error', 'text')
      .addColumn('result', 'text')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'priority', 'run_at']).execute()

    await db.schema
      .createTable('applied_effects')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'integer', (c) => c.notNull())
      .execute()

    await syncedColumns(db.schema.createTable('demo_counters'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute()
  },
}
