import { base64ToBytes } from '../../../../shared/base64'
import type { ExportedFile } from '../../../../shared/contract/exports'
import type { DataExport } from '../../../../shared/contract/rights'

/** A file the core hands over for download: text (CSV, JSON) or bytes in base64 (a zip). */
export type DownloadableFile = ExportedFile | DataExport

// The page decodes base64 into a fresh ArrayBuffer (never a shared one), which Blob accepts.
const blobOf = (file: DownloadableFile) =>
  'base64' in file
    ? new Blob([base64ToBytes(file.base64) as Uint8Array<ArrayBuffer>], { type: file.mediaType })
    : new Blob([file.text], { type: `${file.mediaType};charset=utf-8` })

/**
 * Hands the file to the browser's download: a Blob link clicked once. The core returns the content
 * rather than writing a file, so the same button works in the desktop window and in the web host's tab.
 */
export function downloadFile(file: DownloadableFile): void {
  const url = URL.createObjectURL(blobOf(file))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
