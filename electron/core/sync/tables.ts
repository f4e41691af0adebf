/** Sync's local bookkeeping (migration 0080-sync); never synced itself. */
export interface SyncStateTable {
  /** The workspace this cursor belongs to. */
  org_id: string
  /** The server's sequence number of the last change pulled and applied. */
  cursor: number
  last_synced_at: number | null
}

export interface SyncClocksTable {
  table_name: string
  row_id: string
  /** JSON object: field → HLC of the change that last set it. */
  clocks: string
}

/** A row a teammate erased on a person's request (migration 0100), until the rights domain removes it here. */
export interface PulledErasuresTable {
  table_name: string
  row_id: string
}

export interface SyncTables {
  sync_state: SyncStateTable
  sync_clocks: SyncClocksTable
  pulled_erasures: PulledErasuresTable
}
