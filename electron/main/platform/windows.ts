import type { BrowserWindow, BrowserWindowConstructorOptions, Screen } from 'electron'
import { secureWebPreferences } from './web-preferences'

export interface WindowOptions {
  preload: string
  url: string
  devTools: boolean
}

/** Electron's window class and screen module, passed in so the window set-up is tested with fakes. */
export interface WindowSystem {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  screen: Pick<Screen, 'getDisplayMatching' | 'getPrimaryDisplay'>
}

/** The recruiter's main window; shown once its first paint is ready so it never flashes white. */
export function createRecruiterWindow(system: WindowSystem, options: WindowOptions): BrowserWindow {
  const win = new system.BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Panelist',
    webPreferences: secureWebPreferences(options.preload, { devTools: options.devTools }),
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(options.url)
  return win
}

/**
 * The candidate's window: kiosk and full screen on the display the recruiter is using, above
 * everything including the taskbar where the OS allows, with no menu and no close button.
 * Closing is refused by the kiosk lock until the recruiter's PIN has been verified.
 */
export function createKioskWindow(
  system: WindowSystem,
  options: WindowOptions & { near?: BrowserWindow | null },
): BrowserWindow {
  const near = options.near && !options.near.isDestroyed() ? options.near.getBounds() : undefined
  const display = near ? system.screen.getDisplayMatching(near) : system.screen.getPrimaryDisplay()
  const win = new system.BrowserWindow({
    ...display.bounds,
    show: false,
    title: 'Panelist interview',
    kiosk: true,
    fullscreen: true,
    alwaysOnTop: true,
    closable: false,
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
    frame: false,
    skipTaskbar: true,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preload, { devTools: options.devTools }),
  })
  win.setMenu(null)
  win.setAlwaysOnTop(true, 'screen-saver')
  // Best effort: honoured on Windows, ignored by screen capture on recent macOS.
  win.setContentProtection(true)
  win.once('ready-to-show', () => {
    win.show()
    win.focus()
  })
  void win.loadURL(options.url)
  return win
}
