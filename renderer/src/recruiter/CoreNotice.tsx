import { useEffect, useState } from 'react'
import type { EventPayload } from '../../../shared/contract'
import { on } from '../api/client'

/**
 * Says so when the studio's core process stopped: restarted (something in progress may need doing
 * again) or left down (nothing will work until the app is restarted). `onRestarted` lets the shell
 * reload what it keeps, since the core's state moved on without it.
 */
export function CoreNotice({ onRestarted }: { onRestarted: () => void }) {
  const [notice, setNotice] = useState<EventPayload<'app.coreRestarted'> | null>(null)
  useEffect(
    () =>
      on('app.coreRestarted', (payload) => {
        setNotice(payload)
        if (payload.restarted) onRestarted()
      }),
    [onRestarted],
  )
  if (!notice) return null
  return (
    <div role="alert" className={`core-notice ${notice.restarted ? 'core-notice-restarted' : 'core-notice-down'}`}>
      <p>{notice.message}</p>
      {notice.restarted && (
        <button type="button" onClick={() => setNotice(null)}>
          Dismiss
        </button>
      )}
    </div>
  )
}
