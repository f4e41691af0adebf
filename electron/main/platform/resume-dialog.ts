import { dialog, type BrowserWindow } from 'electron'
import { RESUME_EXTENSIONS } from '../../../shared/contract/screening'

/** The system open dialog for resumes, attached to the recruiter's window; cancel yields no paths. */
export function createResumeDialog(parent: () => BrowserWindow | null) {
  return async (kind: 'files' | 'folder'): Promise<string[]> => {
    const options: Electron.OpenDialogOptions =
      kind === 'files'
        ? {
            title: 'Import resumes',
            properties: ['openFile', 'multiSelections'],
            filters: [{ name: 'Resumes', extensions: [...RESUME_EXTENSIONS] }],
          }
        : { title: 'Import a folder of resumes', properties: ['openDirectory'] }
    const owner = parent()
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
    return result.canceled ? [] : result.filePaths
  }
}
