/**
 * Column shapes shared by the domains' tables. A leaf: it imports nothing, so the schema can import
 * every domain's tables and each domain can import these without a circle.
 */

/**
 * Columns every synced table carries: a time-ordered id (UUIDv7), the owning organisation, and
 * timestamps in epoch milliseconds. `deleted_at` is a tombstone so deletes can sync too.
 */
export interface SyncedColumns {
  id: string
  org_id: string
  created_at: number
  updated_at: number
  deleted_at: number | null
}
