import type { Kysely } from 'kysely'
import { secretNameSchema, type AppInfo, type SecretName } from '../../shared/contract/foundation'
import type { Database } from './db/schema'
import { StudioError } from '../../shared/contract/errors'
import type { Handlers } from './ipc/dispatcher'
import type { KioskPin } from './kiosk/pin'
import type { Logger } from './logger'
import type { Queue } from './queue/queue'
import type { PreferencesService } from './settings/preferences'
import type { SecretStore } from './settings/types'

export interface FoundationHandlerDeps {
  db: Kysely<Database>
  logger: Logger
  info: () => AppInfo
  preferences: PreferencesService
  secrets: SecretStore
  queue: Queue
  kioskPin: KioskPin
  /** Called once the PIN is verified; Electron closes the kiosk window, the web host reports it. */
  exitKiosk: () => void
  /** Electron opens the locked kiosk window; the web host answers with the kiosk page's address. */
  openKiosk?: () => Promise<{ url: string | null }>
}

type FoundationHandlers = Pick<
  Handlers,
  | 'app.info'
  | 'app.reportError'
  | 'settings.get'
  | 'settings.update'
  | 'secrets.status'
  | 'secrets.set'
  | 'secrets.clear'
  | 'kiosk.setPin'
  | 'kiosk.pinStatus'
  | 'kiosk.open'
  | 'kiosk.exit'
  | 'queue.list'
  | 'queue.cancel'
  | 'queue.retry'
  | 'queue.enqueueDemo'
>

export function createFoundationHandlers(deps: FoundationHandlerDeps): FoundationHandlers {
  const status = () =>
    Object.fromEntries(secretNameSchema.options.map((name) => [name, deps.secrets.has(name)])) as Record<
      SecretName,
      boolean
    >
  return {
    'app.info': () => deps.info(),
    'app.reportError': (report, ctx) => {
      deps.logger.error('renderer error', { audience: ctx.audience, ...report })
      return { logged: true }
    },
    'settings.get': () => deps.preferences.get(),
    'settings.update': (patch) => deps.preferences.update(patch),
    'secrets.status': status,
    'secrets.set': async ({ name, value }) => {
      await deps.secrets.set(name, value)
      return status()
    },
    'secrets.clear': async ({ name }) => {
      await deps.secrets.clear(name)
      return status()
    },
    'kiosk.setPin': async ({ pin }) => {
      await deps.kioskPin.set(pin)
      return { pinSet: true }
    },
    'kiosk.pinStatus': async () => ({ pinSet: await deps.kioskPin.isSet() }),
    'kiosk.open': async () => {
      if (!(await deps.kioskPin.isSet())) {
        throw new StudioError('conflict', 'Set a kiosk exit PIN first: it is the only way out of the kiosk.')
      }
      if (!deps.openKiosk) throw new StudioError('unavailable', 'This host cannot open a kiosk.')
      return deps.openKiosk()
    },
    'kiosk.exit': async ({ pin }) => {
      const ok = await deps.kioskPin.verify(pin)
      if (ok) deps.exitKiosk()
      return { exited: ok }
    },
    'queue.list': (filter) => deps.queue.list(filter),
    'queue.cancel': ({ id }) => deps.queue.cancel(id),
    'queue.retry': ({ id }) => deps.queue.retry(id),
    'queue.enqueueDemo': async (payload) => deps.queue.get(await deps.queue.enqueue(deps.db, 'demo.count', payload)),
  }
}
