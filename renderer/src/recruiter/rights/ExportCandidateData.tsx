import { useState } from 'react'
import type { DataExport } from '../../../../shared/contract/rights'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'

/** Hands the zip to the browser's download, as the exports' Blob link does for text. */
function downloadZip(file: DataExport) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** "Export their data (zip)": everything held about the candidate, for an access request. */
export function ExportCandidateData({ candidateId }: { candidateId: string }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      downloadZip(await call('rights.exportData', { candidateId }))
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={run} disabled={busy}>
        {busy ? 'Preparing…' : 'Export their data (zip)'}
      </button>
      <ErrorText error={error} />
    </>
  )
}
