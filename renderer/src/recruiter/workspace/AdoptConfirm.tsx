import { useState } from 'react'
import type { SyncStatus, WorkspaceView } from '../../../../shared/contract/sync'
import { call } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { Modal, ModalClose } from '../../components/Modal'
import { describeSyncError } from './sync-errors'

const tableLabel = (table: string) => {
  const words = table.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Before the studio's data becomes a workspace's: what moves (rows by table, changes to send), and
 * that this happens once. Nothing moves until the recruiter confirms.
 */
export function AdoptConfirm({
  workspace,
  onDone,
  onCancel,
}: {
  workspace: WorkspaceView
  onDone(status: SyncStatus): void
  onCancel(): void
}) {
  const preview = useRequest('sync.adoptPreview', { workspaceId: workspace.id })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const adopt = async () => {
    setBusy(true)
    setError(null)
    try {
      onDone(await call('sync.adopt', { workspaceId: workspace.id }))
    } catch (e) {
      setError(describeSyncError(e))
      setBusy(false)
    }
  }

  const rows = preview.data?.rows.filter((row) => row.count > 0) ?? []
  return (
    <Modal
      title={`Use ${workspace.name} for this studio?`}
      description={`This studio's jobs, candidates and decisions become the workspace's and sync with your team from now on. It happens once: the studio cannot later move to another workspace. ${
        workspace.fileSync
          ? 'File sync is on in this workspace: resumes and recordings are sent to its storage too.'
          : 'Recordings and resume files stay on this computer unless an admin turns on file sync.'
      }`}
      onClose={onCancel}
    >
      {preview.data ? (
        <>
          {rows.length === 0 ? (
            <p className="muted">This studio holds no data yet; it will receive the workspace&apos;s.</p>
          ) : (
            <table data-testid="adopt-preview">
              <caption className="visually-hidden">What moves into the workspace</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Rows</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.table}>
                    <td>{tableLabel(row.table)}</td>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>{preview.data.changes === 1 ? '1 change' : `${preview.data.changes} changes`} to send to the workspace.</p>
        </>
      ) : (
        <ErrorText error={preview.error} />
      )}
      {!preview.data && !preview.error && <p className="muted">Counting what moves…</p>}
      <ErrorText error={error} />
      <div className="row">
        <button type="button" disabled={busy || !preview.data} onClick={() => void adopt()}>
          Use {workspace.name}
        </button>
        <ModalClose>Cancel</ModalClose>
      </div>
    </Modal>
  )
}
