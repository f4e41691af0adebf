import { useState } from 'react'
import { call, describeError } from '../api/client'
import { useRequest } from '../api/useRequest'
import { ErrorText } from './ErrorText'

/** A name the save dialog suggests, without characters a file system refuses. */
export const pdfFileName = (title: string, fallback: string) =>
  `${title.replace(/[/\\:*?"<>|\p{Cc}]/gu, ' ').trim() || fallback}.pdf`.slice(-120)

/**
 * A printable page (one marked `printable`) as a PDF through the renderer's print path, under the
 * print styles (no navigation, no buttons). The desktop app prints the window to a PDF itself and
 * asks where to save it; in a browser the print dialog opens and the recruiter picks "Save as PDF".
 */
export function PdfButton({ fileName, what }: { fileName: string; what: string }) {
  const { data: info } = useRequest('app.info', {})
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  if (!info) return null
  if (info.host === 'web') {
    return (
      <div className="report-actions no-print">
        <button type="button" onClick={() => window.print()}>
          Download PDF
        </button>
        <p className="muted">Opens the browser&apos;s print dialog: choose “Save as PDF” as the destination.</p>
      </div>
    )
  }
  const save = async () => {
    setError(null)
    setNote(null)
    try {
      const { saved } = await call('assessments.savePdf', { fileName })
      setNote(saved ? `${what} saved as PDF.` : 'Not saved: the save dialog was cancelled.')
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <div className="report-actions no-print">
      <button type="button" onClick={() => void save()}>
        Save PDF…
      </button>
      <p className="muted">Makes a PDF of this {what.toLowerCase()} and asks where to save it.</p>
      <p role="status" className="muted">
        {note}
      </p>
      <ErrorText error={error} />
    </div>
  )
}
