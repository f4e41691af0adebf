import { sql } from 'kysely'
import type { Migration } from './types'
import { syncedColumns } from './synced-columns'

/**
 * Invitations become appointments in a job's pipeline: the application they were made for, how the
 * interview is held and where, and a history of every schedule change (see interviews/tables.ts).
 * The existing validity window (scheduled_at .. expires_at) is the interview's time window.
 */
export const interviewScheduling: Migration = {
  version: 36,
  name: 'interview-scheduling',
  async up(db) {
    await db.schema.alterTable('interview_invitations').addColumn('application_id', 'text').execute()
    // Invitations made before this migration were all kiosk interviews.
    await db.schema
      .alterTable('interview_invitations')
      .addColumn('kind', 'text', (c) =>
        c
          .notNull()
          .defaultTo('ai_interview')
          .check(sql`kind in ('ai_interview','in_person','phone','video_call')`),
      )
      .execute()
    await db.schema.alterTable('interview_invitations').addColumn('location', 'text').execute()
    await db.schema
      .createIndex('interview_invitations_application')
      .on('interview_invitations')
      .column('application_id')
      .execute()

    await syncedColumns(db.schema.createTable('invitation_changes'))
      .addColumn('invitation_id', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('created','rescheduled','cancelled')`))
      .addColumn('scheduled_at', 'integer')
      .addColumn('expires_at', 'integer', (c) => c.notNull())
      .addColumn('location', 'text')
      .execute()
    await db.schema
      .createIndex('invitation_changes_invitation')
      .on('invitation_changes')
      .columns(['invitation_id', 'created_at'])
      .execute()
  },
}
