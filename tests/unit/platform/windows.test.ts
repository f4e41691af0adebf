import type { BrowserWindowConstructorOptions, Display, Rectangle } from 'electron'
import { describe, expect, it } from 'vitest'
import { createKioskWindow, createRecruiterWindow, type WindowSystem } from '@main/platform/windows'
import { FakeWindow } from './fakes/electron-window'

/** A BrowserWindow class that keeps what it was built with and what was asked of it. */
function windowSystem() {
  const built: { options: BrowserWindowConstructorOptions; win: FakeWindow & Record<string, unknown> }[] = []
  class Built extends FakeWindow {
    loaded: string[] = []
    menu: unknown = 'default'
    onTop: unknown[] = []
    protectedContent = false
    constructor(options: BrowserWindowConstructorOptions) {
      super()
      built.push({ options, win: this as unknown as FakeWindow & Record<string, unknown> })
    }
    loadURL = async (url: string) => void this.loaded.push(url)
    setMenu = (menu: unknown) => void (this.menu = menu)
    setAlwaysOnTop = (...args: unknown[]) => void (this.onTop = args)
    setContentProtection = (on: boolean) => void (this.protectedContent = on)
    getBounds = (): Rectangle => ({ x: 2000, y: 0, width: 1280, height: 800 })
  }
  const displays = {
    primary: { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } } as Display,
    second: { id: 2, bounds: { x: 1920, y: 0, width: 2560, height: 1440 } } as Display,
  }
  const system = {
    BrowserWindow: Built as unknown as WindowSystem['BrowserWindow'],
    screen: {
      getPrimaryDisplay: () => displays.primary,
      getDisplayMatching: (rect: Rectangle) => (rect.x >= 1920 ? displays.second : displays.primary),
    },
  }
  return { system, built, Built }
}

const options = { preload: '/app/preload.js', url: 'panelist://app/kiosk.html', devTools: false }

describe('the windows', () => {
  it('opens the kiosk locked down on the display the recruiter is using, shown once painted', () => {
    const { system, built, Built } = windowSystem()
    const recruiter = new Built({})
    createKioskWindow(system, { ...options, near: recruiter.asWindow() })
    const { options: made, win } = built.at(-1)!
    expect(made).toMatchObject({
      ...{ x: 1920, y: 0, width: 2560, height: 1440 },
      show: false,
      kiosk: true,
      fullscreen: true,
      alwaysOnTop: true,
      closable: false,
      minimizable: false,
      movable: false,
      resizable: false,
      frame: false,
      skipTaskbar: true,
    })
    expect(made.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    })
    expect([win.menu, win.onTop, win.protectedContent, win.loaded]).toEqual([
      null,
      [true, 'screen-saver'],
      true,
      ['panelist://app/kiosk.html'],
    ])
    expect(win.calls).toEqual([])
    win.emit('ready-to-show')
    expect(win.calls).toEqual(['show', 'focus'])
  })

  it('opens the kiosk on the primary display when the recruiter window is gone', () => {
    const { system, built } = windowSystem()
    createKioskWindow(system, { ...options, near: null })
    expect(built[0]!.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 })
  })

  it('opens the recruiter window hardened too, hidden until its first paint', () => {
    const { system, built } = windowSystem()
    createRecruiterWindow(system, { ...options, url: 'panelist://app/', devTools: true })
    const { options: made, win } = built[0]!
    expect(made).toMatchObject({ show: false, minWidth: 900, minHeight: 600 })
    expect(made.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, devTools: true })
    win.emit('ready-to-show')
    expect(win.calls).toEqual(['show'])
  })
})
