import { describe, expect, it } from 'vitest'
import { chooseDisplayServer } from '@main/platform/display-server'
import { askMediaAccessFirst } from '@main/platform/media-access'

describe('the display server the kiosk runs on', () => {
  it('asks for X11 through XWayland in a Wayland session, where the kiosk guards hold', () => {
    expect(chooseDisplayServer('linux', { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' })).toEqual({
      ozoneSwitch: 'x11',
      displayServer: 'x11',
    })
    expect(chooseDisplayServer('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':1' }).ozoneSwitch).toBe('x11')
  })

  it('stays on Wayland when there is no XWayland or it is asked for, and says so', () => {
    expect(chooseDisplayServer('linux', { XDG_SESSION_TYPE: 'wayland' })).toEqual({
      ozoneSwitch: null,
      displayServer: 'wayland',
    })
    expect(
      chooseDisplayServer('linux', { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0', PANELIST_OZONE_PLATFORM: 'wayland' }),
    ).toEqual({ ozoneSwitch: null, displayServer: 'wayland' })
  })

  it('changes nothing on X11, macOS or Windows', () => {
    expect(chooseDisplayServer('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toEqual({
      ozoneSwitch: null,
      displayServer: 'x11',
    })
    expect(chooseDisplayServer('darwin', { WAYLAND_DISPLAY: 'x' })).toEqual({
      ozoneSwitch: null,
      displayServer: 'native',
    })
    expect(chooseDisplayServer('win32', {})).toEqual({ ozoneSwitch: null, displayServer: 'native' })
  })
})

describe('camera and microphone access before the kiosk opens', () => {
  it('asks macOS for the microphone, then the camera, one prompt at a time', async () => {
    const asked: string[] = []
    let pending = 0
    const preferences = {
      askForMediaAccess: async (kind: 'microphone' | 'camera') => {
        expect(pending).toBe(0)
        pending++
        asked.push(kind)
        await new Promise((resolve) => setTimeout(resolve, 1))
        pending--
        return kind === 'microphone'
      },
    }
    expect(await askMediaAccessFirst('darwin', preferences)).toEqual({ microphone: true, camera: false })
    expect(asked).toEqual(['microphone', 'camera'])
  })

  it('asks nothing where the OS does not prompt per app', async () => {
    const preferences = { askForMediaAccess: () => Promise.reject(new Error('not on this platform')) }
    expect(await askMediaAccessFirst('win32', preferences)).toBeNull()
    expect(await askMediaAccessFirst('linux', preferences)).toBeNull()
  })
})
