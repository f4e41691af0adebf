import { useState } from 'react'
import type { SyncStatus } from '../../../../shared/contract/sync'
import { call } from '../../api/client'
import { describeSyncError } from './sync-errors'
import { pendingText, syncStatusText } from './sync-text'
import { useSyncStatus } from './useSyncStatus'
import './sync-indicator.css'

/**
 * What screen readers hear: only a change of state (synced, offline, an error), never each step of
 * a sync's count, so a running sync does not talk over the recruiter's work.
 */
function announcement(status: SyncStatus): string {
  if (status.state === 'syncing' || status.state === 'signed-out') return ''
  if (status.state === 'idle') return 'Synced with the workspace'
  return `Sync: ${syncStatusText(status)}`
}

/** The sidebar's sync line: where the studio stands with its workspace, and "Sync now". */
export function SyncIndicator() {
  const [status, setStatus] = useSyncStatus()
  const [error, setError] = useState<string | null>(null)
  if (!status) return null
  const syncNow = async () => {
    setError(null)
    try {
      setStatus(await call('sync.now', {}))
    } catch (e) {
      setError(describeSyncError(e))
    }
  }
  const pending = pendingText(status.pending)
  return (
    <section className={`sync-indicator sync-${status.state}`} aria-label="Team sync" data-testid="sync-indicator">
      <p className="visually-hidden" aria-live="polite">
        {announcement(status)}
      </p>
      <p className="sync-line">{syncStatusText(status)}</p>
      {status.state !== 'signed-out' && (
        <>
          {pending && <p className="muted">{pending}</p>}
          <button type="button" className="secondary" onClick={() => void syncNow()}>
            Sync now
          </button>
        </>
      )}
      {error && <p className="error-text">{error}</p>}
    </section>
  )
}
