import { useEffect, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router-dom'
import { call, describeError, on } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { Modal, ModalClose } from '../../components/Modal'
import { filesFromDrop, uploadGroup, uploadGroups, visibleFiles } from './upload'

/** Resumes to import: paths the desktop app was handed, or files dropped on the window. */
type Opened = { kind: 'paths'; paths: string[] } | { kind: 'files'; files: File[] }

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file
const namesOf = (opened: Opened) =>
  opened.kind === 'paths' ? opened.paths.map(baseName) : opened.files.map((f) => f.name)

async function importOpened(opened: Opened, jobId: string | undefined): Promise<number> {
  if (opened.kind === 'paths') {
    await call('intake.importPaths', { jobId, paths: opened.paths })
    return opened.paths.length
  }
  for (const group of uploadGroups(opened.files)) await uploadGroup(group, jobId)
  return opened.files.length
}

/**
 * The import flow for resumes that arrive outside the Import panel: files opened with the desktop app
 * (double-click, the dock, `panelist file.pdf`) and files dropped anywhere on the window. Asks which
 * job they are for, then imports them as the panel would and opens that job's ranked list (or Candidates).
 */
export function OpenedFiles() {
  const [opened, setOpened] = useState<Opened | null>(null)
  const [jobId, setJobId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const navigate = useNavigate()
  const jobs = useRequest('jobs.list', opened ? { status: 'open' } : null).data ?? []

  useEffect(() => {
    const take = () =>
      call('intake.takeOpenedFiles', {}).then(
        ({ paths }) => paths.length > 0 && setOpened({ kind: 'paths', paths }),
        () => undefined,
      )
    // Files opened at launch arrived before this window listened: take them now, then as they come.
    void take()
    return on('intake.filesOpened', () => void take())
  }, [])

  useEffect(() => {
    // A drop on the Import panel is the panel's; anywhere else it opens this dialog.
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault()
    }
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files') || event.defaultPrevented) return
      event.preventDefault()
      void filesFromDrop(event.dataTransfer).then((files) => {
        const visible = visibleFiles(files)
        if (visible.length) setOpened({ kind: 'files', files: visible })
      })
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])

  const close = () => {
    setOpened(null)
    setError(null)
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!opened) return
    setBusy(true)
    try {
      await importOpened(opened, jobId || undefined)
      close()
      navigate(jobId ? `/jobs/${encodeURIComponent(jobId)}` : '/candidates')
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  if (!opened) return null
  const names = namesOf(opened)
  return (
    <Modal title={`Import ${names.length} ${names.length === 1 ? 'resume' : 'resumes'}`} onClose={close}>
      <form onSubmit={submit}>
        <ul className="opened-files">
          {names.slice(0, 8).map((name, i) => (
            <li key={`${name}-${i}`}>{name}</li>
          ))}
          {names.length > 8 && <li className="muted">and {names.length - 8} more</li>}
        </ul>
        <div className="field">
          <label htmlFor="opened-job">For the job</label>
          <select id="opened-job" value={jobId} onChange={(e) => setJobId(e.target.value)}>
            <option value="">No job yet (candidates only)</option>
            {jobs.map((job) => (
              <option key={job.id} value={job.id}>
                {job.title}
              </option>
            ))}
          </select>
        </div>
        <ErrorText error={error} />
        <div className="row">
          <button type="submit" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
          <ModalClose>Not now</ModalClose>
        </div>
      </form>
    </Modal>
  )
}
