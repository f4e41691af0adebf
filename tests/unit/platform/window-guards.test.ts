import { EventEmitter } from 'node:events'
import type { Session, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import type { Logger } from '@core/logger'
import { appOrigins } from '@main/platform/app-origin'
import { mayOpenExternally } from '@main/platform/external-links'
import { installPermissionPolicy } from '@main/platform/permissions'
import { guardNavigation } from '@main/platform/window-security'

/**
 * The guards as Electron calls them: events emitted with Electron's argument shapes on a stand-in
 * web contents, and handlers captured from a stand-in session, then invoked.
 */
type OpenHandler = (details: { url: string }) => { action: string }

function contentsStandIn() {
  const emitter = new EventEmitter() as EventEmitter & { openHandler?: OpenHandler }
  Object.assign(emitter, { setWindowOpenHandler: (handler: OpenHandler) => (emitter.openHandler = handler) })
  return emitter
}

function fire(contents: EventEmitter, name: string, details: Record<string, unknown>): boolean {
  let prevented = false
  contents.emit(name, { ...details, preventDefault: () => (prevented = true) })
  return prevented
}

const warnings: string[] = []
const logger: Logger = { debug() {}, info() {}, error() {}, warn: (message) => warnings.push(message) }

function guarded(audience: 'recruiter' | 'kiosk') {
  const contents = contentsStandIn()
  const opened: string[] = []
  guardNavigation(contents as unknown as WebContents, {
    mayOpenExternally: (url) => mayOpenExternally(url, audience),
    openExternally: (url) => opened.push(url),
    logger,
  })
  return { contents, opened }
}

describe('navigation guards', () => {
  it('stops every navigation, handing only allowed recruiter links to the system browser', () => {
    const { contents, opened } = guarded('recruiter')
    expect(fire(contents, 'will-navigate', { url: 'https://platform.openai.com/api-keys' })).toBe(true)
    expect(fire(contents, 'will-navigate', { url: 'https://evil.example/' })).toBe(true)
    expect(fire(contents, 'will-navigate', { url: 'file:///etc/passwd' })).toBe(true)
    expect(fire(contents, 'will-redirect', { url: 'https://evil.example/' })).toBe(true)
    expect(fire(contents, 'will-attach-webview', {})).toBe(true)
    expect(opened).toEqual(['https://platform.openai.com/api-keys'])
    expect(warnings).toEqual(
      expect.arrayContaining(['blocked a navigation', 'blocked a redirect', 'blocked a webview']),
    )
  })

  it('stops subframe navigations and leaves the main frame to will-navigate', () => {
    const { contents } = guarded('recruiter')
    expect(fire(contents, 'will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true)
    expect(fire(contents, 'will-frame-navigate', { url: 'panelist://app/index.html', isMainFrame: true })).toBe(false)
  })

  it('denies every new window; the kiosk opens nothing at all', () => {
    const recruiter = guarded('recruiter')
    expect(recruiter.contents.openHandler!({ url: 'https://github.com/' })).toEqual({ action: 'deny' })
    expect(recruiter.contents.openHandler!({ url: 'panelist://app/index.html' })).toEqual({ action: 'deny' })
    expect(recruiter.opened).toEqual(['https://github.com/'])

    const kiosk = guarded('kiosk')
    expect(kiosk.contents.openHandler!({ url: 'https://github.com/' })).toEqual({ action: 'deny' })
    expect(fire(kiosk.contents, 'will-navigate', { url: 'https://github.com/' })).toBe(true)
    expect(kiosk.opened).toEqual([])
  })
})

describe('session permission handlers', () => {
  type RequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: object,
  ) => void
  type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean

  function installed() {
    const captured: { request?: RequestHandler; check?: CheckHandler; device?: () => boolean } = {}
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (captured.request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (captured.check = handler),
      setDevicePermissionHandler: (handler: () => boolean) => (captured.device = handler),
    }
    // The fake webContents carries its window's audience, as the window registry would answer.
    installPermissionPolicy(
      session as unknown as Session,
      appOrigins(),
      (contents) => (contents as unknown as { audience?: 'recruiter' | 'kiosk' } | null)?.audience,
    )
    const request = (permission: string, details: object, contents: object | null = null) => {
      let granted: boolean | undefined
      captured.request!(contents, permission, (g) => (granted = g), details)
      return granted
    }
    return { request, check: captured.check!, device: captured.device! }
  }

  it('grants camera and microphone requests from our page and refuses the rest', () => {
    const { request } = installed()
    const ours = { requestingUrl: 'panelist://app/index.html#/kiosk', isMainFrame: true }
    expect(request('media', { ...ours, mediaTypes: ['audio', 'video'] })).toBe(true)
    expect(request('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['audio'] })).toBe(
      false,
    )
    expect(request('media', { ...ours, isMainFrame: false, mediaTypes: ['video'] })).toBe(false)
    expect(request('geolocation', ours)).toBe(false)
    expect(request('notifications', ours)).toBe(false)
    expect(request('openExternal', ours)).toBe(false)
  })

  it("grants the clipboard write to the recruiter's window only", () => {
    const { request, check } = installed()
    const page = { requestingUrl: 'panelist://app/index.html#/', isMainFrame: true }
    expect(request('clipboard-sanitized-write', page, { audience: 'recruiter' })).toBe(true)
    expect(request('clipboard-sanitized-write', page, { audience: 'kiosk' })).toBe(false)
    expect(request('clipboard-sanitized-write', page, {})).toBe(false)
    expect(check({ audience: 'recruiter' }, 'clipboard-sanitized-write', 'panelist://app', page)).toBe(true)
    expect(check(null, 'clipboard-sanitized-write', 'panelist://app', page)).toBe(false)
  })

  it('answers permission checks the same way and refuses device pickers', () => {
    const { check, device } = installed()
    const ours = 'panelist://app'
    expect(
      check(null, 'media', ours, { isMainFrame: true, mediaType: 'video', requestingUrl: `${ours}/index.html` }),
    ).toBe(true)
    expect(check(null, 'media', ours, { isMainFrame: true, mediaType: 'unknown', securityOrigin: `${ours}/` })).toBe(
      true,
    )
    expect(check(null, 'media', 'https://evil.example', { isMainFrame: true, mediaType: 'audio' })).toBe(false)
    expect(check(null, 'clipboard-read', ours, { isMainFrame: true, requestingUrl: `${ours}/index.html` })).toBe(false)
    expect(device()).toBe(false)
  })
})
