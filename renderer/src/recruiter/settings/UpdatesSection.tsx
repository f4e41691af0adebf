import { useEffect, useState } from 'react'
import type { Preferences } from '../../../../shared/contract/foundation'
import type { UpdateView } from '../../../../shared/contract/updates'
import { call, describeError, on } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { ProgressBar } from '../../components/ProgressBar'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The update's state as the desktop app pushes it; loaded once, then kept current by its event. */
export function useUpdateView(): UpdateView | null {
  const { data, setData } = useRequest('updates.get', {})
  useEffect(() => on('updates.changed', setData), [setData])
  return data
}

function Progress({ view }: { view: UpdateView }) {
  const { status } = view
  if (status.state !== 'downloading') return null
  return (
    <div className="field">
      <ProgressBar value={status.percent / 100} label={`Downloading version ${status.version}`} />
      <span className="muted">
        {Math.floor(status.percent)}% · {megabytes(status.transferred)} of {megabytes(status.total)} ·{' '}
        {megabytes(status.bytesPerSecond)}/s
      </span>
    </div>
  )
}

/**
 * Settings → Updates: the channel, where the update stands, its progress and notes, "Check now" and
 * "Restart to update" (which the desktop app refuses, with its reason, while the kiosk is open).
 */
export function UpdatesSection({
  channel,
  onChannel,
}: {
  channel: Preferences['updateChannel']
  onChannel: (channel: Preferences['updateChannel']) => void
}) {
  const view = useUpdateView()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await action()
      setError(null)
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }
  const managed = view?.managedHere ?? false
  return (
    <fieldset>
      <legend>Updates</legend>
      <div className="field">
        <label htmlFor="update-channel">Channel</label>
        <select
          id="update-channel"
          value={channel}
          onChange={(e) => onChannel(e.target.value as Preferences['updateChannel'])}
        >
          <option value="stable">Stable</option>
          <option value="beta">Beta (earlier releases, also receives stable ones)</option>
        </select>
      </div>
      <p role="status" data-testid="update-summary">
        {view?.summary ?? 'Loading…'}
      </p>
      {view?.lastCheckedAt && <p className="muted">Last checked {new Date(view.lastCheckedAt).toLocaleString()}.</p>}
      {view && <Progress view={view} />}
      {view?.notes && (
        <details>
          <summary>What is new</summary>
          <p className="release-notes">{view.notes}</p>
        </details>
      )}
      {managed && (
        <div className="row">
          <button type="button" disabled={busy} onClick={() => void act(() => call('updates.check', {}))}>
            Check now
          </button>
          {view?.status.state === 'downloaded' && (
            <button type="button" disabled={busy} onClick={() => void act(() => call('updates.restart', {}))}>
              Restart to update
            </button>
          )}
        </div>
      )}
      <ErrorText error={error} />
    </fieldset>
  )
}

/** A quiet line above every page once an update is ready to install. */
export function UpdateReadyBanner() {
  const view = useUpdateView()
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (view?.status.state !== 'downloaded' || dismissed === view.status.version) return null
  const { version } = view.status
  const restart = async () => {
    try {
      await call('updates.restart', {})
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <div role="status" className="app-notice app-notice-info">
      <p>Version {version} is ready to install.</p>
      <button type="button" onClick={() => void restart()}>
        Restart to update
      </button>
      <button type="button" onClick={() => setDismissed(version)}>
        Later
      </button>
      <ErrorText error={error} />
    </div>
  )
}
