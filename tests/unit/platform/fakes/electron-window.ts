import { EventEmitter } from 'node:events'
import type { BrowserWindow, Display, PowerSaveBlocker, Screen } from 'electron'

/**
 * A BrowserWindow as Electron documents the parts the kiosk uses: `close()` emits a cancellable
 * 'close' and, unless cancelled, 'closed' after which the window is destroyed; calls are recorded
 * so a test can see what the code asked of the window.
 */
export class FakeWindow extends EventEmitter {
  readonly calls: string[] = []
  readonly webContents = Object.assign(new EventEmitter(), {
    id: 7,
    reloads: 0,
    reload() {
      this.reloads++
    },
  })
  private destroyed = false

  isDestroyed = () => this.destroyed
  show = () => void this.calls.push('show')
  focus = () => void this.calls.push('focus')
  moveTop = () => void this.calls.push('moveTop')
  restore = () => void this.calls.push('restore')
  setKiosk = (on: boolean) => void this.calls.push(`setKiosk(${on})`)
  setFullScreen = (on: boolean) => void this.calls.push(`setFullScreen(${on})`)
  setClosable = (on: boolean) => void this.calls.push(`setClosable(${on})`)

  close = () => {
    let cancelled = false
    this.emit('close', { preventDefault: () => (cancelled = true) })
    if (cancelled) return
    this.destroyed = true
    this.emit('closed')
  }

  /** A key as before-input-event delivers it; returns whether the page would have received it. */
  press(key: string, modifiers: { control?: boolean; meta?: boolean; alt?: boolean; isAutoRepeat?: boolean } = {}) {
    let prevented = false
    this.webContents.emit(
      'before-input-event',
      { preventDefault: () => (prevented = true) },
      { type: 'keyDown', key, code: '', shift: false, control: false, meta: false, alt: false, ...modifiers },
    )
    return !prevented
  }

  asWindow = () => this as unknown as BrowserWindow
}

export const display = (id: number) => ({ id }) as Display

/** Electron's screen module: display events and the connected displays. */
export class FakeScreen extends EventEmitter {
  displays: Display[] = [display(1)]
  getAllDisplays = () => this.displays
  asScreen = () => this as unknown as Pick<Screen, 'on' | 'off' | 'getAllDisplays'>
}

/** Electron's powerSaveBlocker: ids handed out by start, and which are still running. */
export function fakePowerSaveBlocker(): Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'> & {
  running: Set<number>
} {
  const running = new Set<number>()
  let next = 1
  return {
    running,
    start: () => {
      running.add(next)
      return next++
    },
    stop: (id: number) => running.delete(id),
    isStarted: (id: number) => running.has(id),
  }
}
