import { MAX_PATHS_PER_IMPORT } from '../../../../shared/contract/screening'
import type { EventBus } from '../../events'
import type { PathGrants } from './path-grants'

export interface OpenedFiles {
  /**
   * Files the operating system handed to the app (a double-click, the dock, a command line): the
   * person chose them, as in the open dialog, so they are granted for import by path; they wait
   * until the recruiter's window takes them, which is told they came.
   */
  open(paths: readonly string[]): Promise<void>
  /** The files waiting, once: a second window or a reload does not import them again. */
  take(): string[]
}

export function createOpenedFiles(deps: { grants: PathGrants; events: Pick<EventBus, 'emit'> }): OpenedFiles {
  let waiting: string[] = []
  return {
    async open(paths) {
      if (!paths.length) return
      await deps.grants.grant('files', paths)
      // One import takes at most MAX_PATHS_PER_IMPORT paths; a larger hand-over keeps its first ones.
      waiting = [...new Set([...waiting, ...paths])].slice(0, MAX_PATHS_PER_IMPORT)
      deps.events.emit('intake.filesOpened', { count: waiting.length })
    },
    take() {
      const taken = waiting
      waiting = []
      return taken
    },
  }
}
