import { useEffect, useState } from 'react'
import type { SyncStatus } from '../../../../shared/contract/sync'
import { call, on } from '../../api/client'

/**
 * Where sync stands, kept current by the `sync.status` event. Null until the first answer, and
 * null for good when the build has no sync (the request then fails and the app stays local).
 */
export function useSyncStatus(): [SyncStatus | null, (status: SyncStatus) => void] {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  useEffect(() => {
    let current = true
    const off = on('sync.status', (next) => current && setStatus(next))
    call('sync.status', {}).then(
      (first) => current && setStatus((seen) => seen ?? first),
      () => undefined,
    )
    return () => {
      current = false
      off()
    }
  }, [])
  return [status, setStatus]
}
