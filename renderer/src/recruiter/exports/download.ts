import type { ExportedFile } from '../../../../shared/contract/exports'

/**
 * Hands the file to the browser's download: a Blob link clicked once. The core returns text rather
 * than writing a file, so the same button works in the desktop window and in the web host's tab.
 */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mediaType};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
