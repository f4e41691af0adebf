import { useEffect, useState } from 'react'
import { on } from '../api/client'

interface Notice {
  message: string
  tone: 'warn' | 'danger'
  dismissible: boolean
}

/**
 * Says so when the studio cannot go on as usual: its core process stopped (restarted, so something
 * in progress may need doing again, or left down until the app restarts), or its disk is full.
 * `onRestarted` lets the shell reload what it keeps, since the core's state moved on without it.
 */
export function AppNotice({ onRestarted }: { onRestarted: () => void }) {
  const [notice, setNotice] = useState<Notice | null>(null)
  useEffect(() => {
    const offRestart = on('app.coreRestarted', ({ restarted, message }) => {
      setNotice({ message, tone: restarted ? 'warn' : 'danger', dismissible: restarted })
      if (restarted) onRestarted()
    })
    const offFull = on('app.storageFull', ({ message }) => setNotice({ message, tone: 'danger', dismissible: true }))
    return () => {
      offRestart()
      offFull()
    }
  }, [onRestarted])
  if (!notice) return null
  return (
    <div role="alert" className={`app-notice app-notice-${notice.tone}`}>
      <p>{notice.message}</p>
      {notice.dismissible && (
        <button type="button" onClick={() => setNotice(null)}>
          Dismiss
        </button>
      )}
    </div>
  )
}
