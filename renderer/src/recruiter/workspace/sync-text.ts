import type { SyncStatus } from '../../../../shared/contract/sync'

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** The indicator's line for a status: what a recruiter glancing at the sidebar needs, nothing more. */
export function syncStatusText(status: SyncStatus): string {
  switch (status.state) {
    case 'signed-out':
      return 'Local only'
    case 'idle':
      return status.lastSyncedAt === null ? 'Not synced yet' : `Synced ${clock(status.lastSyncedAt)}`
    case 'syncing': {
      const what = status.phase === 'push' ? 'Sending' : 'Receiving'
      return status.total === null ? `${what} changes…` : `Syncing ${status.done} of ${status.total}`
    }
    case 'offline':
      return status.retryingAt === null ? 'Offline' : `Offline — retrying at ${clock(status.retryingAt)}`
    case 'error':
      return status.message
  }
}

/** Local changes the workspace has not accepted yet, in words; null when there are none. */
export function pendingText(pending: number): string | null {
  if (pending === 0) return null
  return pending === 1 ? '1 change to send' : `${pending} changes to send`
}
