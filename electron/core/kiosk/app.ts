import { StudioError } from '../../../shared/contract/errors'
import type { DomainApp } from '../ipc/dispatcher'
import type { KioskPin } from './pin'

export interface KioskDeps {
  pin: KioskPin
  /** Called once the PIN is verified; Electron closes the kiosk window, the web host reports it. */
  exitKiosk: () => void
  /** Electron opens the locked kiosk window; the web host answers with the kiosk page's address. */
  openKiosk?: () => Promise<{ url: string | null }>
}

export type KioskApp = DomainApp<'kiosk'>

/** The locked kiosk's way in and out: it opens only once an exit PIN is set, and that PIN is the only exit. */
export function createApp(deps: KioskDeps): KioskApp {
  return {
    handlers: {
      'kiosk.setPin': async ({ pin }) => {
        await deps.pin.set(pin)
        return { pinSet: true }
      },
      'kiosk.pinStatus': async () => ({ pinSet: await deps.pin.isSet() }),
      'kiosk.open': async () => {
        if (!(await deps.pin.isSet())) {
          throw new StudioError('conflict', 'Set a kiosk exit PIN first: it is the only way out of the kiosk.')
        }
        if (!deps.openKiosk) throw new StudioError('unavailable', 'This host cannot open a kiosk.')
        return deps.openKiosk()
      },
      'kiosk.exit': async ({ pin }) => {
        const ok = await deps.pin.verify(pin)
        if (ok) deps.exitKiosk()
        return { exited: ok }
      },
    },
  }
}
