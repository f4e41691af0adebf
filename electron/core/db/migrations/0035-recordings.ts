import { sql } from 'kysely'
import type { Migration } from './types'
import { syncedColumns } from './synced-columns'

/** Answer recordings and kiosk consent/integrity events (see electron/core/recording/tables.ts). */
export const recordings: Migration = {
  version: 35,
  name: 'recordings',
  async up(db) {
    await db.schema
      .createTable('interview_recordings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('turn_index', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('audio','video')`))
      .addColumn('path', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('recording','complete','interrupted','unreadable')`),
      )
      .addColumn('sample_rate', 'integer')
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('duration_ms', 'integer')
      .addColumn('answer_id', 'text')
      .addColumn('started_at', 'integer', (c) => c.notNull())
      .addColumn('ended_at', 'integer')
      .execute()
    await db.schema
      .createIndex('interview_recordings_session')
      .on('interview_recordings')
      .columns(['session_id', 'turn_index'])
      .execute()
    await db.schema.createIndex('interview_recordings_status').on('interview_recordings').column('status').execute()

    await syncedColumns(db.schema.createTable('interview_kiosk_events'))
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('turn_index', 'integer')
      .addColumn('amount', 'integer', (c) => c.notNull())
      .addColumn('occurred_at', 'integer', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('interview_kiosk_events_session')
      .on('interview_kiosk_events')
      .columns(['session_id', 'occurred_at'])
      .execute()
  },
}
