import { describe, expect, it } from 'vitest'
import { secureWebPreferences } from '@main/platform/web-preferences'

describe('web preferences of every window', () => {
  it('isolates and sandboxes the page and states each hardening flag explicitly', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js', { devTools: false })
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    })
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.disableBlinkFeatures).toContain('Auxclick')
  })

  it('offers developer tools only when asked (unpackaged runs)', () => {
    expect(secureWebPreferences('/p.js', { devTools: true }).devTools).toBe(true)
  })
})
