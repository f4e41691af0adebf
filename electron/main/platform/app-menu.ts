import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface AppMenuActions {
  openKiosk(): void
  checkForUpdates(): void
  /** Null while there is no downloaded update to install. */
  restartToUpdate: (() => void) | null
  devTools: boolean
}

/**
 * The application menu: the standard edit and window roles (macOS needs them for copy and paste),
 * and the recruiter-side actions that belong to main: opening the candidate kiosk and updates.
 * The kiosk window has no menu of its own, and its shortcuts are swallowed by the kiosk lock.
 */
export function installAppMenu(actions: AppMenuActions): void {
  const isMac = process.platform === 'darwin'
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  if (actions.devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' })
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    {
      label: 'Interview',
      submenu: [{ label: 'Open Candidate Kiosk…', accelerator: 'CmdOrCtrl+Shift+K', click: () => actions.openKiosk() }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Check for Updates…', click: () => actions.checkForUpdates() },
        {
          label: 'Restart to Update',
          enabled: actions.restartToUpdate !== null,
          click: () => actions.restartToUpdate?.(),
        },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
