import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DisplayServer } from '@main/platform/display-server'
import { createKioskLock, WAYLAND_LIMITS, type KioskIntegrityEvent } from '@main/platform/kiosk-lock'
import { display, fakePowerSaveBlocker, FakeScreen, FakeWindow } from './fakes/electron-window'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function kioskOn(platform: NodeJS.Platform = 'linux', displayServer: DisplayServer = 'x11') {
  const screen = new FakeScreen()
  const power = fakePowerSaveBlocker()
  const windows: FakeWindow[] = []
  const events: KioskIntegrityEvent[] = []
  const lock = createKioskLock({
    system: { powerSaveBlocker: power, screen: screen.asScreen(), platform, displayServer },
    createWindow: () => {
      windows.push(new FakeWindow())
      return windows.at(-1)!.asWindow()
    },
    now: () => 1_000,
  })
  lock.onKioskIntegrity((event) => events.push(event))
  const kinds = () => events.map((e) => e.kind)
  return { lock, screen, power, windows, events, kinds, win: () => windows.at(-1)! }
}

describe('the kiosk lock', () => {
  it('opens one window, keeps the display awake, and says when more than one display is connected', () => {
    const k = kioskOn()
    k.screen.displays = [display(1), display(2)]
    const first = k.lock.open()
    expect(k.lock.open()).toBe(first)
    expect(k.windows).toHaveLength(1)
    expect(k.win().calls).toEqual(['show', 'focus'])
    expect(k.power.running.size).toBe(1)
    expect(k.events).toEqual([
      { kind: 'opened', at: 1_000 },
      { kind: 'multiple-displays', at: 1_000, detail: '2 displays connected' },
    ])
  })

  it('refuses to close until the PIN releases it, then lets go of the display and the screen events', () => {
    const k = kioskOn()
    k.lock.open()
    let closed = 0
    k.lock.onClosed(() => closed++)
    k.win().close()
    expect(k.lock.isLocked()).toBe(true)
    expect(k.kinds()).toContain('close-blocked')
    expect(k.screen.listenerCount('display-added')).toBe(1)

    k.lock.unlockAndClose()
    expect(k.win().calls).toEqual(['setClosable(true)', 'setKiosk(false)'])
    expect(k.lock.isOpen()).toBe(false)
    expect(closed).toBe(1)
    expect(k.power.running.size).toBe(0)
    expect(k.screen.listenerCount('display-added')).toBe(0)
    expect(k.kinds().at(-1)).toBe('closed')
  })

  it('records leaving and brings the window back: focus lost, hidden, minimized', () => {
    const k = kioskOn()
    k.lock.open()
    k.win().emit('blur')
    expect(k.win().calls).toEqual([])
    vi.advanceTimersByTime(50)
    expect(k.win().calls).toEqual(['show', 'moveTop', 'focus'])
    k.win().emit('focus')
    k.win().emit('minimize')
    k.win().emit('hide')
    vi.advanceTimersByTime(50)
    expect(k.kinds()).toEqual(['opened', 'focus-lost', 'focus-regained', 'minimized', 'hidden'])
    expect(k.win().calls.slice(3)).toEqual(['restore', 'show', 'moveTop', 'focus'])
  })

  it('restores full screen the way each platform allows', () => {
    const linux = kioskOn('linux')
    linux.lock.open()
    linux.win().emit('leave-full-screen')
    expect(linux.win().calls).toEqual(['setKiosk(true)'])

    // macOS ignores setKiosk(true) while kiosk mode is still on.
    const mac = kioskOn('darwin', 'native')
    mac.lock.open()
    mac.win().emit('leave-full-screen')
    expect(mac.win().calls).toEqual(['setFullScreen(true)'])
    expect(mac.kinds()).toEqual(['opened', 'left-fullscreen'])
  })

  it('blocks shortcuts that leave the window, records each once, and lets Escape reach the page', () => {
    const k = kioskOn()
    k.lock.open()
    expect(k.win().press('w', { control: true })).toBe(false)
    expect(k.win().press('w', { control: true, isAutoRepeat: true })).toBe(false)
    expect(k.win().press('F5')).toBe(false)
    expect(k.win().press('Escape')).toBe(true)
    expect(k.win().press('a')).toBe(true)
    expect(k.events.filter((e) => e.kind === 'shortcut-blocked').map((e) => e.detail)).toEqual([
      'close-window',
      'reload',
    ])
  })

  it('reloads a renderer that crashed (the interview resumes from the database), not one that exited cleanly', () => {
    const k = kioskOn()
    k.lock.open()
    k.win().webContents.emit('render-process-gone', {}, { reason: 'crashed' })
    k.win().webContents.emit('render-process-gone', {}, { reason: 'clean-exit' })
    expect(k.win().webContents.reloads).toBe(1)
    expect(k.events.filter((e) => e.kind === 'renderer-gone').map((e) => e.detail)).toEqual(['crashed', 'clean-exit'])
  })

  it('lets the window close when the OS ends the session, and records display changes', () => {
    const k = kioskOn()
    k.lock.open()
    k.screen.emit('display-added', {}, display(3))
    k.screen.emit('display-metrics-changed', {}, display(1), ['bounds', 'scaleFactor'])
    k.win().emit('session-end')
    expect(k.lock.isOpen()).toBe(false)
    expect(k.events.filter((e) => e.kind.startsWith('display')).map((e) => e.detail)).toEqual([
      '3',
      '1: bounds, scaleFactor',
    ])
    expect(k.kinds()).not.toContain('close-blocked')
  })

  it('says plainly under Wayland which guards do not hold', () => {
    const k = kioskOn('linux', 'wayland')
    k.lock.open()
    expect(k.events[1]).toEqual({ kind: 'guards-limited', at: 1_000, detail: WAYLAND_LIMITS })
    expect(kioskOn('linux', 'x11').kinds()).not.toContain('guards-limited')
  })
})
