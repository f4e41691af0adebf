import { describe, expect, it } from 'vitest'
import { appOrigins } from '@main/platform/app-origin'
import { isPermissionAllowed } from '@main/platform/permission-policy'

const origins = appOrigins()
const ours = 'panelist://app/index.html#/kiosk'

describe('permission policy', () => {
  it('grants camera and microphone to our own main frame', () => {
    expect(
      isPermissionAllowed(
        { permission: 'media', requestingUrl: ours, isMainFrame: true, mediaTypes: ['audio', 'video'] },
        origins,
      ),
    ).toBe(true)
    expect(
      isPermissionAllowed(
        { permission: 'media', requestingUrl: 'panelist://app', isMainFrame: true, mediaTypes: ['audio'] },
        origins,
      ),
    ).toBe(true)
    // Permission checks (device labels) arrive without a device type.
    expect(
      isPermissionAllowed({ permission: 'media', requestingUrl: ours, isMainFrame: true, mediaTypes: [] }, origins),
    ).toBe(true)
  })

  it('refuses every other permission, even to our own page', () => {
    for (const permission of [
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'clipboard-read',
      'display-capture',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'keyboardLock',
      'hid',
      'serial',
      'usb',
      'fileSystem',
      'window-management',
      'unknown',
    ]) {
      expect(isPermissionAllowed({ permission, requestingUrl: ours, isMainFrame: true }, origins), permission).toBe(
        false,
      )
    }
  })

  it('refuses media to other origins, to subframes, without an origin, and for screen capture', () => {
    const media = (requestingUrl: string | undefined, isMainFrame = true, mediaTypes = ['video']) =>
      isPermissionAllowed({ permission: 'media', requestingUrl, isMainFrame, mediaTypes }, origins)
    expect(media('https://evil.example/')).toBe(false)
    expect(media('panelist://app.evil.example/')).toBe(false)
    expect(media('file:///tmp/page.html')).toBe(false)
    expect(media(undefined)).toBe(false)
    expect(media(ours, false)).toBe(false)
    expect(media(ours, true, ['video', 'screen'])).toBe(false)
  })

  it("lets the recruiter's window write the clipboard (its Copy buttons), and nobody else", () => {
    const write = (
      audience: 'recruiter' | 'kiosk' | undefined,
      requestingUrl = 'panelist://app/index.html#/',
      isMainFrame = true,
    ) =>
      isPermissionAllowed(
        { permission: 'clipboard-sanitized-write', requestingUrl, isMainFrame, ...(audience ? { audience } : {}) },
        origins,
      )
    expect(write('recruiter')).toBe(true)
    // The clipboard outlives the interview: the kiosk never writes it.
    expect(write('kiosk', ours)).toBe(false)
    expect(write(undefined)).toBe(false)
    expect(write('recruiter', 'https://evil.example/')).toBe(false)
    expect(write('recruiter', 'panelist://app/index.html#/', false)).toBe(false)
    expect(
      isPermissionAllowed(
        { permission: 'clipboard-read', requestingUrl: 'panelist://app/', isMainFrame: true, audience: 'recruiter' },
        origins,
      ),
    ).toBe(false)
  })
})
