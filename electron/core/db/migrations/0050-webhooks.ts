import { sql } from 'kysely'
import type { Migration } from './types'

/**
 * Outgoing webhooks (see electron/core/webhooks/tables.ts). Local tables, not synced: endpoints and
 * their signing secrets belong to this machine, and nothing here goes to the change log.
 */
export const webhooks: Migration = {
  version: 50,
  name: 'webhooks',
  async up(db) {
    await db.schema
      .createTable('webhook_endpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('previous_secret', 'text')
      .addColumn('previous_secret_until', 'integer')
      .addColumn('secret_rotated_at', 'integer')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('webhook_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('fanned_out_at', 'integer')
      .execute()
    await db.schema.createIndex('webhook_events_pending').on('webhook_events').column('fanned_out_at').execute()

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('endpoint_id', 'text', (c) => c.notNull())
      .addColumn('job_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','delivered','failed')`))
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('delivered_at', 'integer')
      .addUniqueConstraint('webhook_deliveries_once', ['event_id', 'endpoint_id'])
      .execute()
    await db.schema
      .createIndex('webhook_deliveries_endpoint')
      .on('webhook_deliveries')
      .columns(['endpoint_id', 'created_at'])
      .execute()

    await db.schema
      .createTable('webhook_attempts')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('delivery_id', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('at', 'integer', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('response_excerpt', 'text')
      .execute()
    await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').column('delivery_id').execute()
  },
}
