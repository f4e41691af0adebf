import fs from 'node:fs/promises'
import { BrowserWindow, dialog, webContents } from 'electron'
import { StudioError } from '../../../shared/contract'
import type { WindowRegistry } from './window-registry'

/**
 * Prints the page a recruiter window shows (the report, under its print styles) with Chromium's
 * printToPDF and writes it where the recruiter chooses in the save dialog. Only a recruiter
 * window is printed: the request names its caller by connection, and a kiosk is refused here as
 * well as by the contract.
 */
export function createReportPdf(windows: WindowRegistry) {
  return async ({ connection, fileName }: { connection: string; fileName: string }): Promise<{ saved: boolean }> => {
    const contents = webContents.fromId(Number(connection))
    if (!contents || contents.isDestroyed() || windows.audienceOf(contents) !== 'recruiter') {
      throw new StudioError('forbidden', 'Only a recruiter window can save a report.')
    }
    const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true })
    const options = {
      title: 'Save assessment report',
      defaultPath: fileName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    }
    const owner = BrowserWindow.fromWebContents(contents)
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return { saved: false }
    await fs.writeFile(choice.filePath, pdf)
    return { saved: true }
  }
}
