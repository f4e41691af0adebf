import type { WebPreferences } from 'electron'

/**
 * The one set of web preferences every window of ours gets. Each hardening flag is stated even
 * where it is Electron's default, so an upgrade that changes a default cannot loosen a window.
 */
export function secureWebPreferences(preload: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload,
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
    safeDialogs: true,
    // Middle-click would otherwise open links in a new window without going through our handler.
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools,
    spellcheck: false,
  }
}
