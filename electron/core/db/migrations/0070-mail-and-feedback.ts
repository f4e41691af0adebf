import { sql } from 'kysely'
import type { Migration } from './types'

/**
 * Email to candidates and feedback drafts (see electron/core/mail/tables.ts and
 * electron/core/feedback/tables.ts). Local tables, not synced: the SMTP server that sends them and
 * the log of what it accepted belong to this machine.
 */
export const mailAndFeedback: Migration = {
  version: 70,
  name: 'mail-and-feedback',
  async up(db) {
    await db.schema
      .createTable('mail_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invitation','feedback','test')`))
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('candidate_id', 'text')
      .addColumn('source_id', 'text')
      .addColumn('job_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','sending','sent','failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('server_response', 'text')
      .addColumn('sent_at', 'integer')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('mail_deliveries_created').on('mail_deliveries').column('created_at').execute()
    await db.schema
      .createIndex('mail_deliveries_candidate')
      .on('mail_deliveries')
      .columns(['candidate_id', 'created_at'])
      .execute()

    await db.schema
      .createTable('feedback_drafts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('application_id', 'text')
      .addColumn('session_id', 'text')
      .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('screening','assessment')`))
      .addColumn('job_title', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('ai','template')`))
      .addColumn('source_note', 'text')
      .addColumn('prompt_ref', 'text')
      .addColumn('model', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('draft','sending','sent','failed','discarded')`),
      )
      .addColumn('to_address', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addColumn('auto_send_at', 'integer')
      .addColumn('held_reason', 'text')
      .addColumn('delivery_id', 'text')
      .execute()
    await db.schema
      .createIndex('feedback_drafts_candidate')
      .on('feedback_drafts')
      .columns(['candidate_id', 'created_at'])
      .execute()
  },
}
