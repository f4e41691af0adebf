import type { Migration } from './types'

/**
 * Billing's local bookkeeping (see electron/core/billing/), never synced itself: the workspace's
 * plan as this computer last read it, with when (the offline grace counts from it), and one row
 * per piece of AI work that asked for quota, holding the request id the server knows it by, so a
 * retried job asks with the same id and is never counted twice.
 */
export const billing: Migration = {
  version: 150,
  name: 'billing',
  async up(db) {
    await db.schema
      .createTable('billing_entitlements')
      .addColumn('org_id', 'text', (c) => c.primaryKey())
      .addColumn('entitlement', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'integer', (c) => c.notNull())
      .addColumn('offline', 'text')
      .execute()
    await db.schema
      .createTable('billing_reservations')
      .addColumn('work_key', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('reservation_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('billing_reservations_by_state')
      .on('billing_reservations')
      .columns(['org_id', 'state', 'updated_at'])
      .execute()
  },
}
