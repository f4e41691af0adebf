import { useState } from 'react'
import { describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'
import { downloadFile, type DownloadableFile } from './download'

/** A button that asks the core for a file and downloads it, saying why when it cannot. */
export function ExportButton({ label, exportFile }: { label: string; exportFile: () => Promise<DownloadableFile> }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      downloadFile(await exportFile())
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={run} disabled={busy}>
        {busy ? 'Preparing…' : label}
      </button>
      <ErrorText error={error} />
    </>
  )
}
