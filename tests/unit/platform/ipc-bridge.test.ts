import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNEL_EVENT, CHANNEL_INVOKE, type Result } from '@shared/contract'
import { silentLogger } from '@core/logger'
import { appOrigins } from '@main/platform/app-origin'
import { installStudioBridge } from '@main/platform/ipc-bridge'
import { createWindowRegistry, type WindowRegistry } from '@main/platform/window-registry'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'

/**
 * The bridge against a real studio on a temp database. Electron's ipcMain and windows are the
 * environment here, stood in for by the few members the bridge reads.
 */
type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>

interface FakeFrame {
  url: string
  parent: object | null
  processId: number
  routingId: number
  detached: boolean
}

function fakeWindow(id: number, url = 'panelist://app/index.html#/') {
  const sent: unknown[][] = []
  const destroyedListeners: (() => void)[] = []
  const mainFrame: FakeFrame = { url, parent: null, processId: 7, routingId: id, detached: false }
  const contents = {
    id,
    mainFrame,
    sent,
    destroyed: false,
    isDestroyed() {
      return this.destroyed
    },
    send: (...args: unknown[]) => sent.push(args),
    once: (event: string, listener: () => void) => event === 'destroyed' && destroyedListeners.push(listener),
    destroy() {
      this.destroyed = true
      destroyedListeners.forEach((l) => l())
    },
  }
  return { window: { webContents: contents } as unknown as BrowserWindow, contents }
}

let studio: Studio
let windows: WindowRegistry
let invoke: Handler

beforeEach(async () => {
  ;({ studio } = await createTempStudio())
  windows = createWindowRegistry()
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcMain
  installStudioBridge({ ipcMain, dispatch: studio.dispatch, windows, origins: appOrigins(), logger: silentLogger })
  invoke = handlers.get(CHANNEL_INVOKE)!
})

afterEach(async () => {
  await studio.close()
})

const from = (contents: ReturnType<typeof fakeWindow>['contents'], frame: FakeFrame | null = contents.mainFrame) =>
  ({ sender: contents, senderFrame: frame }) as unknown as IpcMainInvokeEvent

describe('the IPC bridge', () => {
  it('dispatches requests from our windows as the audience of the window', async () => {
    const recruiter = fakeWindow(1)
    const kiosk = fakeWindow(2, 'panelist://app/index.html#/kiosk')
    windows.add(recruiter.window, 'recruiter')
    windows.add(kiosk.window, 'kiosk')

    await expect(invoke(from(recruiter.contents), 'settings.update', { theme: 'dark' })).resolves.toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    })
    await expect(
      invoke(from(kiosk.contents), 'app.reportError', { area: 'kiosk', message: 'from the kiosk window' }),
    ).resolves.toMatchObject({ ok: true, value: { logged: true } })
    // The kiosk page cannot become the recruiter by changing its route: the window decides.
    kiosk.contents.mainFrame.url = 'panelist://app/index.html#/settings'
    await expect(invoke(from(kiosk.contents), 'settings.get', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('refuses foreign senders before any handler runs', async () => {
    const recruiter = fakeWindow(1)
    windows.add(recruiter.window, 'recruiter')
    const stranger = fakeWindow(3)
    const main = recruiter.contents.mainFrame
    const attempts: [string, IpcMainInvokeEvent][] = [
      ['a window that is not ours', from(stranger.contents)],
      [
        'a cross-origin iframe',
        from(recruiter.contents, { ...main, parent: main, routingId: 99, url: 'https://evil.example/' }),
      ],
      ['a same-origin iframe', from(recruiter.contents, { ...main, parent: main, routingId: 98 })],
      ['a frame gone during navigation', from(recruiter.contents, null)],
      ['a detached frame', from(recruiter.contents, { ...main, detached: true })],
      ['a main frame that navigated away', from(recruiter.contents, { ...main, url: 'https://evil.example/' })],
    ]
    for (const [label, event] of attempts) {
      const result = await invoke(event, 'settings.update', { theme: 'dark' })
      expect(result, label).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'This sender may not call the studio.' },
      })
    }
    expect(studio.preferences.get().theme).toBe('system')
  })

  it('answers bad names and bad input with typed errors', async () => {
    const recruiter = fakeWindow(1)
    windows.add(recruiter.window, 'recruiter')
    await expect(invoke(from(recruiter.contents), 'fs.readFile', { path: '/etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_request' },
    })
    await expect(invoke(from(recruiter.contents), 'settings.update', { theme: 'neon' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })

  it('forgets a window once its contents are destroyed', async () => {
    const recruiter = fakeWindow(1)
    windows.add(recruiter.window, 'recruiter')
    recruiter.contents.destroy()
    await expect(invoke(from(recruiter.contents), 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('pushes queue events to recruiter windows and never to the kiosk', async () => {
    const recruiter = fakeWindow(1)
    const kiosk = fakeWindow(2)
    windows.add(recruiter.window, 'recruiter')
    windows.add(kiosk.window, 'kiosk')
    studio.events.subscribe((name, payload) => windows.broadcast(name, payload))

    const queued = await invoke(from(recruiter.contents), 'queue.enqueueDemo', { steps: 1, stepMs: 0 })
    expect(queued.ok).toBe(true)
    expect(recruiter.contents.sent.length).toBeGreaterThan(0)
    expect(recruiter.contents.sent[0]).toEqual([
      CHANNEL_EVENT,
      'queue.job',
      expect.objectContaining({ kind: 'demo.count' }),
    ])
    expect(kiosk.contents.sent).toEqual([])
  })

  it('can be removed', () => {
    let removed = false
    const ipcMain = {
      handle: () => {},
      removeHandler: (channel: string) => (removed = channel === CHANNEL_INVOKE),
    } as unknown as IpcMain
    installStudioBridge({ ipcMain, dispatch: studio.dispatch, windows, origins: appOrigins(), logger: silentLogger })()
    expect(removed).toBe(true)
  })
})
