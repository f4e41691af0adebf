import { useEffect, useState } from 'react'
import type { WorkspaceView } from '../../../../shared/contract/sync'
import { call, on } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { describeSyncError } from './sync-errors'

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/**
 * Whether resumes and recordings go to the workspace's storage too. Off, they stay on the computer
 * that holds them; an admin turns it on for everyone, and the storage's own rules enforce it.
 */
export function FileSyncPanel({ workspace, onChange }: { workspace: WorkspaceView; onChange(): void }) {
  const counts = useRequest('files.status', {}, { deps: [workspace.fileSync] })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const admin = workspace.role === 'admin'
  const reloadCounts = counts.reload
  // The counts change as the transfer that follows each sync sends and fetches files.
  useEffect(
    () =>
      on('queue.job', (job) => {
        if (job.kind.startsWith('files.') && job.status === 'succeeded') reloadCounts()
      }),
    [reloadCounts],
  )

  const toggle = async () => {
    setBusy(true)
    setError(null)
    try {
      await call('sync.setFileSync', { workspaceId: workspace.id, on: !workspace.fileSync })
      onChange()
    } catch (e) {
      setError(describeSyncError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="file-sync-title" data-testid="file-sync">
      <h2 id="file-sync-title">Resumes and recordings</h2>
      {workspace.fileSync ? (
        <p>
          <strong>File sync is on.</strong> Resumes and interview recordings are kept in the workspace&apos;s storage,
          so teammates can open them; a recording is fetched when someone plays it.
        </p>
      ) : (
        <p>
          <strong>File sync is off.</strong> Resumes and recordings stay on the computer that imported or recorded them;
          teammates see the candidates, scores and transcripts, not the files.
        </p>
      )}
      {counts.data && (
        <p className="muted" role="status">
          {plural(counts.data.inWorkspace, 'file')} in the workspace
          {workspace.fileSync && counts.data.notSent > 0
            ? `; ${plural(counts.data.notSent, 'file')} from this computer waiting to be sent`
            : ''}
          .
        </p>
      )}
      {admin ? (
        <>
          <button type="button" className="secondary" disabled={busy} onClick={() => void toggle()}>
            {workspace.fileSync ? 'Turn file sync off' : 'Turn file sync on'}
          </button>
          {workspace.fileSync && (
            <p className="muted">
              Turning it off stops sending and fetching files for everyone; files already sent stay in storage, out of
              everyone&apos;s reach, until it is turned on again or their candidate is deleted.
            </p>
          )}
        </>
      ) : (
        <p className="muted">Only the workspace&apos;s admins can turn file sync on or off.</p>
      )}
      <ErrorText error={error} />
    </section>
  )
}
