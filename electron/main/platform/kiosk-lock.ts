import type { BrowserWindow, Display, PowerSaveBlocker, Screen } from 'electron'
import type { DisplayServer } from './display-server'
import { kioskEscape, type KioskEscape } from './kiosk-keys'

export type KioskIntegrityKind =
  | 'opened'
  | 'multiple-displays'
  | 'shortcut-blocked'
  | 'close-blocked'
  | 'quit-blocked'
  | 'focus-lost'
  | 'focus-regained'
  | 'hidden'
  | 'minimized'
  | 'left-fullscreen'
  | 'display-added'
  | 'display-removed'
  | 'display-changed'
  | 'renderer-gone'
  | 'unresponsive'
  | 'closed'
  /** The platform cannot hold the kiosk's guards (Wayland); the detail says which do not hold. */
  | 'guards-limited'

/**
 * Something that happened to the kiosk window that a reviewer should know about. Electron cannot
 * stop Ctrl+Alt+Del, Cmd+Tab or touchpad gestures, so the promise is: block what we can, and
 * record (with time) everything that takes the candidate away from the interview.
 */
export interface KioskIntegrityEvent {
  kind: KioskIntegrityKind
  at: number
  detail?: KioskEscape | string
}

export type KioskIntegrityListener = (event: KioskIntegrityEvent) => void

export interface KioskLock {
  /** Opens the kiosk window, or brings the open one to the front. */
  open(): BrowserWindow
  isOpen(): boolean
  /** Open and not yet released by the PIN (or by the OS ending the session): quitting is refused. */
  isLocked(): boolean
  window(): BrowserWindow | null
  /** Called by main after the studio verified the recruiter's PIN: the only way the window closes. */
  unlockAndClose(): void
  /** Records a quit the kiosk refused (main's before-quit handler calls it). */
  noteQuitBlocked(): void
  onKioskIntegrity(listener: KioskIntegrityListener): () => void
  onClosed(listener: () => void): () => void
}

/** What the lock needs from Electron besides the window: passed in, so tests use fakes. */
export interface KioskSystem {
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>
  screen: Pick<Screen, 'on' | 'off' | 'getAllDisplays'>
  platform: NodeJS.Platform
  /** Where the windows are drawn on Linux; elsewhere 'native'. */
  displayServer: DisplayServer
}

export interface KioskLockOptions {
  createWindow(): BrowserWindow
  system: KioskSystem
  now?: () => number
}

/**
 * Under Wayland an app may not raise, position or refocus its own window, and Electron does not
 * implement closable, movable or minimizable there: these guards do not hold, only recording does.
 */
export const WAYLAND_LIMITS =
  'Wayland: the kiosk cannot keep itself above other windows or take the focus back; leaving it is recorded, not prevented'

export function createKioskLock(options: KioskLockOptions): KioskLock {
  const now = options.now ?? Date.now
  const { powerSaveBlocker, screen, platform } = options.system
  const integrityListeners = new Set<KioskIntegrityListener>()
  const closedListeners = new Set<() => void>()
  let current: BrowserWindow | null = null
  let unlocked = false

  const record = (kind: KioskIntegrityKind, detail?: string) => {
    const event: KioskIntegrityEvent = detail === undefined ? { kind, at: now() } : { kind, at: now(), detail }
    for (const listener of integrityListeners) listener(event)
  }

  const release = (win: BrowserWindow) => {
    if (win.isDestroyed()) return
    unlocked = true
    win.setClosable(true)
    win.setKiosk(false)
    win.close()
  }

  const lock = (win: BrowserWindow) => {
    const blocker = powerSaveBlocker.start('prevent-display-sleep')
    // Pulled back to the front after a short delay: immediately would fight the OS's own switch.
    const refocus = () =>
      setTimeout(() => {
        if (win.isDestroyed() || unlocked) return
        win.show()
        win.moveTop()
        win.focus()
      }, 50)

    win.webContents.on('before-input-event', (event, input) => {
      const escape = kioskEscape(input)
      if (!escape) return
      event.preventDefault()
      if (!input.isAutoRepeat) record('shortcut-blocked', escape)
    })
    win.on('close', (event) => {
      if (unlocked) return
      event.preventDefault()
      record('close-blocked')
    })
    let away = false
    win.on('blur', () => {
      if (unlocked) return
      away = true
      record('focus-lost')
      refocus()
    })
    win.on('focus', () => {
      if (!away) return
      away = false
      record('focus-regained')
    })
    win.on('hide', () => {
      if (unlocked) return
      record('hidden')
      refocus()
    })
    win.on('minimize', () => {
      if (unlocked) return
      record('minimized')
      win.restore()
    })
    win.on('leave-full-screen', () => {
      if (unlocked) return
      record('left-fullscreen')
      // On macOS setKiosk(true) does nothing while kiosk mode is still on, so full screen comes back directly.
      if (platform === 'darwin') win.setFullScreen(true)
      else win.setKiosk(true)
    })
    win.webContents.on('render-process-gone', (_event, details) => {
      record('renderer-gone', details.reason)
      // The interview resumes from the database; reloading brings the candidate back to it.
      if (!win.isDestroyed() && details.reason !== 'clean-exit') win.webContents.reload()
    })
    win.on('unresponsive', () => record('unresponsive'))
    // Windows log-off or shutdown: the candidate did not leave, the machine is going down.
    win.on('session-end', () => release(win))

    const displayAdded = (_event: unknown, display: Display) => record('display-added', `${display.id}`)
    const displayRemoved = (_event: unknown, display: Display) => record('display-removed', `${display.id}`)
    const displayChanged = (_event: unknown, display: Display, changed: string[]) =>
      record('display-changed', `${display.id}: ${changed.join(', ')}`)
    screen.on('display-added', displayAdded)
    screen.on('display-removed', displayRemoved)
    screen.on('display-metrics-changed', displayChanged)

    win.on('closed', () => {
      screen.off('display-added', displayAdded)
      screen.off('display-removed', displayRemoved)
      screen.off('display-metrics-changed', displayChanged)
      if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker)
      current = null
      record('closed')
      for (const listener of closedListeners) listener()
    })
  }

  return {
    open() {
      if (current && !current.isDestroyed()) {
        current.show()
        current.focus()
        return current
      }
      unlocked = false
      const win = options.createWindow()
      current = win
      lock(win)
      record('opened')
      if (options.system.displayServer === 'wayland') record('guards-limited', WAYLAND_LIMITS)
      const displays = screen.getAllDisplays().length
      if (displays > 1) record('multiple-displays', `${displays} displays connected`)
      return win
    },
    isOpen: () => current !== null && !current.isDestroyed(),
    isLocked: () => current !== null && !current.isDestroyed() && !unlocked,
    window: () => (current && !current.isDestroyed() ? current : null),
    unlockAndClose() {
      if (current) release(current)
    },
    noteQuitBlocked: () => record('quit-blocked'),
    onKioskIntegrity(listener) {
      integrityListeners.add(listener)
      return () => integrityListeners.delete(listener)
    },
    onClosed(listener) {
      closedListeners.add(listener)
      return () => closedListeners.delete(listener)
    },
  }
}
