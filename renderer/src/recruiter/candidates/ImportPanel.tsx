import { useEffect, useRef, useState, type DragEvent } from 'react'
import { RESUME_EXTENSIONS } from '../../../../shared/contract/screening'
import { call, describeError, StudioRequestError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ProgressBar } from '../../components/ProgressBar'
import { OUTCOME_LABELS } from './labels'
import { filesFromDrop, uploadGroup, uploadGroups, visibleFiles } from './upload'
import { isFinished, useBatches } from './useBatches'
import { ErrorText } from '../../components/ErrorText'

interface Session {
  batchIds: string[]
  /** Files chosen but not yet handed to the host. */
  waiting: number
  cancelled: boolean
}

const ACCEPT = [
  ...RESUME_EXTENSIONS.map((extension) => `.${extension}`),
  'application/pdf',
  'text/plain',
  'text/markdown',
  'application/json',
].join(',')

/**
 * Brings resumes in: drop files or folders, pick files or a folder, or (on the desktop) use the
 * system dialog. Shows one progress bar with counts across the batches, a cancel, and each file's outcome.
 */
export function ImportPanel({ jobId }: { jobId?: string }) {
  const { batches, put } = useBatches()
  const [session, setSession] = useState<Session | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  // Files refused as not a resume that the recruiter chose to import anyway: item id → its new batch.
  const [anyway, setAnyway] = useState<Record<number, string>>({})
  const cancelled = useRef(false)
  const filesInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const desktop = typeof window !== 'undefined' && !!window.studio

  useEffect(() => {
    // React has no prop for it; the attribute turns the picker into a folder picker.
    folderInput.current?.setAttribute('webkitdirectory', '')
  }, [])

  const views = (session?.batchIds ?? []).map((id) => batches[id]).filter((b) => b !== undefined)
  const sum = (key: 'total' | 'done' | 'imported' | 'duplicates' | 'refused' | 'cancelled') =>
    views.reduce((n, b) => n + b[key], 0)
  const total = sum('total') + (session?.waiting ?? 0)
  const done = sum('done')
  const running =
    !!session && (session.waiting > 0 || views.length < session.batchIds.length || views.some((b) => !isFinished(b)))

  const finished = !!session && !running && session.batchIds.length > 0
  const outcomes = useRequest('intake.get', finished ? session.batchIds.map((batchId) => ({ batchId })) : null)
  // The hook keeps an earlier import's answer while this one's is asked for; only this one's is shown.
  const settled = finished && !outcomes.loading
  const items = settled && !outcomes.error ? (outcomes.data?.flatMap((d) => d.items) ?? null) : null

  const start = async (chosen: File[]) => {
    const files = visibleFiles(chosen)
    if (!files.length) {
      setError('No files were chosen.')
      return
    }
    cancelled.current = false
    setError(null)
    setSession({ batchIds: [], waiting: files.length, cancelled: false })
    for (const group of uploadGroups(files)) {
      if (cancelled.current) break
      try {
        const view = await uploadGroup(group, jobId)
        put(view)
        setSession((s) => s && { ...s, batchIds: [...s.batchIds, view.id], waiting: s.waiting - group.length })
      } catch (e) {
        setError(describeError(e))
        break
      }
    }
    setSession((s) => s && { ...s, waiting: 0 })
  }

  const startPaths = async (kind: 'files' | 'folder') => {
    try {
      const { paths } = await call('intake.choosePaths', { kind })
      if (!paths.length) return
      setError(null)
      const view = await call('intake.importPaths', { jobId, paths })
      put(view)
      setSession({ batchIds: [view.id], waiting: 0, cancelled: false })
    } catch (e) {
      setError(e instanceof StudioRequestError && e.code === 'unavailable' ? e.message : describeError(e))
    }
  }

  const cancel = async () => {
    cancelled.current = true
    setSession((s) => s && { ...s, cancelled: true, waiting: 0 })
    try {
      for (const view of views) if (!isFinished(view)) put(await call('intake.cancel', { batchId: view.id }))
    } catch (e) {
      setError(describeError(e))
    }
  }

  const importAnyway = async (itemId: number) => {
    try {
      setError(null)
      const view = await call('intake.importAnyway', { itemId })
      put(view)
      setAnyway((a) => ({ ...a, [itemId]: view.id }))
      setSession((s) => s && { ...s, batchIds: [...s.batchIds, view.id] })
    } catch (e) {
      setError(describeError(e))
    }
  }

  const onDrop = async (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    try {
      await start(await filesFromDrop(event.dataTransfer))
    } catch (e) {
      setError(describeError(e))
    }
  }

  const problems = items?.filter((i) => i.outcome !== 'imported') ?? []

  return (
    <section className="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">Import resumes</h2>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop resumes or folders here: PDF, Word (.docx), text, Markdown or JSON Resume.</p>
        <div className="row">
          <button type="button" onClick={() => filesInput.current?.click()} disabled={running}>
            Choose files…
          </button>
          <button type="button" onClick={() => folderInput.current?.click()} disabled={running}>
            Choose a folder…
          </button>
          {desktop && (
            <>
              <button type="button" className="secondary" onClick={() => startPaths('files')} disabled={running}>
                Open files from disk…
              </button>
              <button type="button" className="secondary" onClick={() => startPaths('folder')} disabled={running}>
                Open a folder from disk…
              </button>
            </>
          )}
        </div>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="file-input"
          onChange={(e) => {
            void start([...(e.target.files ?? [])])
            e.target.value = ''
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          data-testid="folder-input"
          onChange={(e) => {
            void start([...(e.target.files ?? [])])
            e.target.value = ''
          }}
        />
      </div>

      {session && (
        <div className="import-progress" data-testid="import-progress" data-running={running ? 'true' : 'false'}>
          <ProgressBar value={total ? done / total : 0} label="Import progress" />
          <p aria-live="polite" data-testid="import-counts">
            {done} of {total} files · {sum('imported')} imported · {sum('duplicates')} duplicate
            {sum('duplicates') === 1 ? '' : 's'} · {sum('refused')} refused
            {sum('cancelled') > 0 && ` · ${sum('cancelled')} cancelled`}
            {!running && (session.cancelled ? ' — cancelled' : ' — finished')}
          </p>
          {running && (
            <button type="button" className="secondary" onClick={cancel}>
              Cancel import
            </button>
          )}
        </div>
      )}
      <ErrorText error={error ?? (settled ? outcomes.error : null)} />
      {items && (
        <details className="import-outcomes" open={problems.length > 0}>
          <summary>
            File outcomes ({problems.length} not imported as new of {items.length})
          </summary>
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Outcome</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {[...problems, ...items.filter((i) => i.outcome === 'imported')].map((item) => (
                <tr key={item.id} data-outcome={item.outcome}>
                  <td>{item.name}</td>
                  <td>
                    <span className={`status outcome-${item.outcome}`}>{OUTCOME_LABELS[item.outcome]}</span>
                  </td>
                  <td>
                    {item.message ?? ''}
                    {item.reason === 'not_a_resume' &&
                      (anyway[item.id] ? (
                        <span className="muted"> Imported anyway: see its own row.</span>
                      ) : (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="secondary import-anyway"
                            onClick={() => void importAnyway(item.id)}
                            disabled={running}
                            aria-label={`Import ${item.name} anyway`}
                          >
                            Import anyway
                          </button>
                        </>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  )
}
