import { StudioError } from '../../../shared/contract/errors'
import type { UpdateView } from '../../../shared/contract/updates'
import type { DomainApp } from '../ipc/dispatcher'

/** The host's updater, lent to the core: only the desktop app has one. */
export interface UpdatesHost {
  get(): Promise<UpdateView>
  check(): Promise<UpdateView>
  /** Refuses (StudioError) with the reason when it cannot restart now. */
  restart(): Promise<{ restarting: true }>
}

/** What a host without an updater answers: the browser session runs the build it was started from. */
export const DESKTOP_ONLY_UPDATES: UpdateView = {
  managedHere: false,
  status: { state: 'disabled', reason: 'updates are installed by the desktop app' },
  summary:
    'Updates are managed by the desktop app. This browser session runs the version it was built from; rebuild to change it.',
  lastCheckedAt: null,
  notes: null,
}

export type UpdatesApp = DomainApp<'updates'>

export function createApp(host: UpdatesHost | undefined): UpdatesApp {
  return {
    handlers: {
      'updates.get': async () => (host ? host.get() : DESKTOP_ONLY_UPDATES),
      'updates.check': async () => (host ? host.check() : DESKTOP_ONLY_UPDATES),
      'updates.restart': async () => {
        if (!host)
          throw new StudioError('unavailable', 'Updates are installed by the desktop app, not from the browser.')
        return host.restart()
      },
    },
  }
}
