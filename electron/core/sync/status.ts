import type { Kysely } from 'kysely'
import type { SyncState, SyncStatus, WorkspaceRole } from '../../../shared/contract/sync'
import type { Database } from '../db/schema'
import { countPending } from './push'

export interface StatusDeps {
  db: Kysely<Database>
  org: () => string
  account: () => string | null
  workspace: () => string | null
  role: () => WorkspaceRole | null
  emit(status: SyncStatus): void
}

export interface SyncStatusBoard {
  /** The full status: the state, with the last sync, pending changes and account read afresh. */
  read(): Promise<SyncStatus>
  /** Records a new state and announces the full status. */
  set(state: SyncState): Promise<SyncStatus>
  current(): SyncState
}

/** What the shell's sync indicator shows; every change is pushed as a `sync.status` event. */
export function createStatusBoard(deps: StatusDeps, initial: SyncState): SyncStatusBoard {
  let state = initial
  const read = async (): Promise<SyncStatus> => {
    const org = deps.org()
    const row = await deps.db
      .selectFrom('sync_state')
      .select('last_synced_at')
      .where('org_id', '=', org)
      .executeTakeFirst()
    return {
      ...state,
      lastSyncedAt: row?.last_synced_at ?? null,
      pending: await countPending(deps.db, org),
      account: deps.account(),
      workspace: deps.workspace(),
      role: deps.role(),
    }
  }
  return {
    read,
    current: () => state,
    async set(next) {
      state = next
      const status = await read()
      deps.emit(status)
      return status
    },
  }
}
