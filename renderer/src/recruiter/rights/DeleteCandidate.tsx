import { useEffect, useState } from 'react'
import type { CandidateDeletion, DeletionPreview } from '../../../../shared/contract/rights'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'
import { Modal, ModalClose } from '../../components/Modal'

/**
 * "Delete candidate…": a dialog that lists what the deletion removes (the studio's own count, taken
 * when the dialog opens) and deletes only after the recruiter confirms. The deletion cannot be
 * undone: rows, files and backups go, and a synced copy receives the tombstones.
 */
export function DeleteCandidate(props: { candidate: { id: string; name: string }; onDeleted(): void }) {
  const [open, setOpen] = useState(false)
  const [preview, setPreview] = useState<DeletionPreview | null>(null)
  const [done, setDone] = useState<CandidateDeletion | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    call('rights.deletePreview', { candidateId: props.candidate.id }).then(setPreview, (e: unknown) =>
      setError(describeError(e)),
    )
  }, [open, props.candidate.id])

  const confirm = async () => {
    setBusy(true)
    try {
      setDone(await call('rights.deleteCandidate', { candidateId: props.candidate.id }))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }
  const close = () => {
    setOpen(false)
    setPreview(null)
    if (done) props.onDeleted()
    setDone(null)
  }

  return (
    <>
      <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Delete candidate…
      </button>
      {open && (
        <Modal title={`Delete ${props.candidate.name}?`} onClose={close}>
          {done ? (
            <DeletionResult done={done} />
          ) : preview ? (
            <>
              <p>This removes everything the studio holds about them and cannot be undone:</p>
              <ul data-testid="deletion-preview">
                {preview.rows.map((r) => (
                  <li key={r.kind}>
                    {r.kind}: {r.count}
                  </li>
                ))}
                <li>files on this computer (resumes, recordings): {preview.files.length}</li>
              </ul>
              <p className="muted">
                The database and its backups are rewritten without them, and a synced copy deletes them too.
              </p>
              <button type="button" disabled={busy} onClick={confirm}>
                {busy ? 'Deleting…' : `Delete ${props.candidate.name}`}
              </button>
            </>
          ) : (
            !error && <p role="status">Counting what would be deleted…</p>
          )}
          <ErrorText error={error} />
          <ModalClose>{done ? 'Close' : 'Cancel'}</ModalClose>
        </Modal>
      )}
    </>
  )
}

function DeletionResult({ done }: { done: CandidateDeletion }) {
  return (
    <div role="status">
      <p>Deleted. {done.filesRemoved} files removed.</p>
      {done.filesNotRemoved.length > 0 && (
        <>
          <p>These files could not be removed; delete them by hand from the data folder:</p>
          <ul>
            {done.filesNotRemoved.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
