import fs from 'node:fs'
import path from 'node:path'
import { StudioError } from '../../../../shared/contract/errors'

export interface PathGrants {
  /** Records what the user picked in the open dialog: those files, or everything under that folder. */
  grant(kind: 'files' | 'folder', paths: readonly string[]): Promise<void>
  /** Throws `forbidden` unless every path is a picked file or lies under a picked folder. */
  check(paths: readonly string[]): Promise<void>
}

const real = (given: string) => fs.promises.realpath(given).catch(() => null)

/**
 * Reading a path is the user's choice, not the caller's: a window can only import what the dialog
 * handed out, so a script in the page cannot read /etc/passwd or ~/.ssh as a resume. Paths are
 * compared after resolving links, so a link under a picked folder cannot point out of it.
 */
export function createPathGrants(): PathGrants {
  const files = new Set<string>()
  const folders = new Set<string>()
  const granted = (full: string) =>
    files.has(full) || folders.has(full) || [...folders].some((folder) => full.startsWith(folder + path.sep))
  return {
    async grant(kind, paths) {
      for (const given of paths) {
        const full = await real(given)
        if (full) (kind === 'folder' ? folders : files).add(full)
      }
    },
    async check(paths) {
      for (const given of paths) {
        const full = path.isAbsolute(given) ? await real(given) : null
        if (!full || !granted(full)) {
          throw new StudioError(
            'forbidden',
            'Only files and folders chosen with "Choose files" or "Choose folder" can be imported by path',
            [`paths: ${given.slice(0, 200)}`],
          )
        }
      }
    },
  }
}
