import crypto from 'node:crypto'
import path from 'node:path'
import {
  app,
  BrowserWindow as ElectronWindow,
  dialog,
  ipcMain,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  type BrowserWindow,
} from 'electron'
import { StudioError } from '../../shared/contract/errors'
import type { RecordingFile } from '../../shared/contract/interviews/recordings'
import Store from 'electron-store'
import { createPrivately } from '../core/data-folder/private-modes'
import { createLogger } from '../core/logger'
import { installAppMenu } from './platform/app-menu'
import { APP_ORIGIN, appOrigins, entryUrl } from './platform/app-origin'
import { enforceContentSecurityPolicy, registerAppScheme, serveRenderer } from './platform/app-protocol'
import { contentSecurityPolicy } from './platform/content-security-policy'
import { createElectronPreferenceStore } from './platform/electron-preference-store'
import { mayOpenExternally } from './platform/external-links'
import { installStudioBridge } from './platform/ipc-bridge'
import { chooseDisplayServer } from './platform/display-server'
import { createKioskLock } from './platform/kiosk-lock'
import { askMediaAccessFirst } from './platform/media-access'
import { createLaunchFiles, filesFromArgv } from './platform/launch-files'
import { installPermissionPolicy } from './platform/permissions'
import { createReportPdf } from './platform/report-pdf'
import { createResumeDialog } from './platform/resume-dialog'
import { reportStartFailure } from './platform/start-failure'
import { withMediaToken } from './platform/recording-response'
import { createSafeStorageCipher } from './platform/safe-storage-cipher'
import { describeUpdateStatus } from './platform/update-feed'
import { createUpdater, type Updater } from './platform/updater'
import { utilityCore } from './platform/core-process'
import { guardNavigation } from './platform/window-security'
import { createWindowRegistry } from './platform/window-registry'
import { createKioskWindow, createRecruiterWindow } from './platform/windows'
import { startCore, type CoreClient } from '../core/process/client'
import { hostCallHandlers, secretSnapshot } from '../core/process/host-side'
import { createEncryptedSecretStore } from '../core/settings/encrypted-secret-store'
import { createPreferences } from '../core/settings/preferences'
import { workspaceProjectFromEnv } from '../core/sync/project-env'

/**
 * The Electron shell, and the only file that drives Electron's app lifecycle: one instance,
 * hardened windows, the IPC bridge, the kiosk, updates and an orderly quit. The studio itself runs
 * in the core process (out/main/core.js as a utilityProcess), which knows nothing of Electron.
 */

const UPDATE_CHECK_MS = 4 * 60 * 60 * 1000

// The data folder's files (preferences, keys, Chromium's profile) are this user's alone.
createPrivately()

// A data folder given in the environment (tests, portable runs) also holds Chromium's profile, so
// two such runs never share a single-instance lock or storage.
if (process.env.PANELIST_DATA_DIR) app.setPath('userData', path.resolve(process.env.PANELIST_DATA_DIR))
const dataDir = app.getPath('userData')

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const origins = appOrigins(devServerUrl)
const policy = contentSecurityPolicy({ devServerOrigin: devServerUrl ? origins[1] : undefined })
const baseUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
const preload = path.join(__dirname, '../preload/index.js')
const devTools = !app.isPackaged
/** Lets the recruiter window, and only it, fetch interview recordings from the app scheme. */
const mediaToken = crypto.randomBytes(24).toString('hex')

const launchFiles = createLaunchFiles()
const windows = createWindowRegistry()
let secretsForLog: () => string[] = () => []
const logger = createLogger({ knownSecrets: () => secretsForLog() })

let recruiter: BrowserWindow | null = null
let studio: CoreClient | null = null
/** Start-up in flight: a quit meanwhile waits for it, so the core is closed rather than cut off mid-start. */
let starting: Promise<void> | null = null
let shuttingDown = false
let studioClosed = false

/** The OS is ending the session (shutdown, restart, log-off): close the kiosk and reopen nothing. */
function endingSession(): void {
  shuttingDown = true
  kiosk.unlockAndClose()
}

/** Windows says a log-off or shutdown on the window ('session-end'), not through powerMonitor. */
const watchSessionEnd = (win: BrowserWindow) => win.on('session-end', endingSession)

const display = chooseDisplayServer(process.platform, process.env)
const windowSystem = { BrowserWindow: ElectronWindow, screen }

const kiosk = createKioskLock({
  system: { powerSaveBlocker, screen, platform: process.platform, displayServer: display.displayServer },
  createWindow: () => {
    const win = createKioskWindow(windowSystem, { preload, url: entryUrl(baseUrl, 'kiosk'), devTools, near: recruiter })
    windows.add(win, 'kiosk')
    watchSessionEnd(win)
    return win
  },
})

function showRecruiter(): BrowserWindow {
  if (!recruiter || recruiter.isDestroyed()) {
    recruiter = createRecruiterWindow(windowSystem, {
      preload,
      url: withMediaToken(entryUrl(baseUrl, 'recruiter'), mediaToken),
      devTools,
    })
    windows.add(recruiter, 'recruiter')
    watchSessionEnd(recruiter)
    recruiter.on('closed', () => (recruiter = null))
    return recruiter
  }
  if (recruiter.isMinimized()) recruiter.restore()
  recruiter.show()
  recruiter.focus()
  return recruiter
}

/** A recording's file, looked up by the core as the recruiter once the app scheme has checked the token. */
async function locateRecording(recordingId: string): Promise<RecordingFile | null> {
  const found = await studio?.dispatch('assessments.recordingFile', { recordingId }, { audience: 'recruiter' })
  return found?.ok ? (found.value as RecordingFile) : null
}

/** Whatever the user should be looking at: the kiosk while a candidate has it, else the recruiter. */
function bringToFront(): void {
  // Before start-up finishes there is nothing to show yet; start() opens the window itself.
  if (!studio) return
  const kioskWindow = kiosk.window()
  if (kioskWindow) kioskWindow.focus()
  else showRecruiter()
}

function tellRecruiter(message: string, detail?: string): void {
  const owner = recruiter && !recruiter.isDestroyed() ? recruiter : null
  const options = { type: 'info' as const, message, detail, buttons: ['OK'] }
  void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options))
}

/**
 * Opens the candidate kiosk through the same request the renderer uses, so the PIN rule lives in
 * one place (the handler refuses until a PIN is set: it is the only way out of the kiosk).
 */
async function openKiosk(running: CoreClient): Promise<void> {
  const result = await running.dispatch('kiosk.open', {}, { audience: 'recruiter' })
  if (!result.ok) tellRecruiter('The kiosk did not open.', result.error.message)
}

function installMenu(running: CoreClient, updater: Updater): void {
  installAppMenu({
    devTools,
    openKiosk: () => void openKiosk(running),
    checkForUpdates: () => void updater.check().then(() => tellRecruiter(describeUpdateStatus(updater.status()))),
    restartToUpdate:
      updater.status().state === 'downloaded'
        ? () => {
            const outcome = updater.restartToUpdate()
            if ('refused' in outcome) tellRecruiter(outcome.refused)
          }
        : null,
  })
}

kiosk.onClosed(() => {
  if (!shuttingDown) showRecruiter()
})
kiosk.onKioskIntegrity((event) => {
  logger.warn('kiosk integrity', { ...event })
  // The window's connection id is its webContents id, as the IPC bridge reports it to handlers.
  const contents = kiosk.window()?.webContents
  if (studio && contents && !contents.isDestroyed()) studio.recordKioskWindowSignal(String(contents.id), event.kind)
})

if (display.ozoneSwitch && app.commandLine.getSwitchValue('ozone-platform') !== display.ozoneSwitch) {
  // Chromium picks its display platform before this script runs, so the switch takes a fresh start.
  app.relaunch({ args: [...process.argv.slice(1), `--ozone-platform=${display.ozoneSwitch}`] })
  app.exit(0)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme(protocol)
  app.enableSandbox()
  launchFiles.push(filesFromArgv(process.argv, process.cwd()))

  app.on('second-instance', (_event, argv, workingDirectory) => {
    bringToFront()
    launchFiles.push(filesFromArgv(argv, workingDirectory))
  })
  app.on('open-file', (event, file) => {
    event.preventDefault()
    launchFiles.push(filesFromArgv(['', file], dataDir))
  })

  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, {
      mayOpenExternally: (url) => mayOpenExternally(url, windows.audienceOf(contents) ?? 'kiosk'),
      openExternally: (url) => void shell.openExternal(url),
      logger,
    })
  })

  app.on('before-quit', (event) => {
    if (kiosk.isLocked()) {
      event.preventDefault()
      kiosk.noteQuitBlocked()
      return
    }
    if (!studio && starting) {
      event.preventDefault()
      void starting.finally(() => app.quit())
      return
    }
    if (studioClosed || !studio) return
    // Quit waits for the studio to stop its workers and close the database cleanly.
    event.preventDefault()
    const closing = studio
    studio = null
    closing
      .close()
      .catch((error: unknown) => logger.error('studio did not close cleanly', { error: String(error) }))
      .finally(() => {
        studioClosed = true
        app.quit()
      })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  starting = app
    .whenReady()
    .then(start)
    .finally(() => (starting = null))
    .catch((error: unknown) => {
      logger.error('Panelist failed to start', { error: error instanceof Error ? error.stack : String(error) })
      // Said in a window and kept in the log folder: started from Finder or the Start menu, there is no terminal.
      const report = reportStartFailure(error, { logsDir: app.getPath('logs'), dataDir, secrets: secretsForLog() })
      dialog.showErrorBox('Panelist could not start', report.message)
      app.exit(1)
    })
}

async function start(): Promise<void> {
  const ses = session.defaultSession
  serveRenderer(ses, path.join(__dirname, '../renderer'), policy, { token: mediaToken, locate: locateRecording })
  enforceContentSecurityPolicy(ses, origins, policy)
  installPermissionPolicy(ses, origins, (contents) => windows.audienceOf(contents))

  const secrets = createEncryptedSecretStore(path.join(dataDir, 'secrets.json'), createSafeStorageCipher(safeStorage))
  secretsForLog = () => secrets.values()
  const preferenceStore = createElectronPreferenceStore(
    dataDir,
    logger,
    (options) => new Store<Record<string, unknown>>({ ...options, clearInvalidConfig: false }),
  )
  const updater = createUpdater({
    packaged: app.isPackaged,
    feedUrl: process.env.PANELIST_UPDATE_URL || __PANELIST_UPDATE_URL__,
    // The core owns preference changes and the store is written through to disk: read it afresh.
    channel: () => createPreferences(preferenceStore).get().updateChannel,
    kioskOpen: () => kiosk.isOpen(),
    logger,
    intervalMs: UPDATE_CHECK_MS,
  })
  studio = await startCore({
    spawn: () => utilityCore(path.join(__dirname, 'core.js')),
    config: () => ({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      // Shipped beside out/ (inside app.asar when packaged); resolved here, where __dirname is known.
      resourcesDir: path.join(__dirname, '../../resources'),
      secrets: secretSnapshot(secrets),
      preferences: preferenceStore.read(),
      sync: workspaceProjectFromEnv(process.env),
      abilities: { openKiosk: true, chooseResumePaths: true, savePdf: true, updates: true },
    }),
    calls: hostCallHandlers({
      secrets,
      preferenceStore,
      exitKiosk: () => kiosk.unlockAndClose(),
      openKiosk: async () => {
        const access = await askMediaAccessFirst(process.platform, systemPreferences)
        if (access) logger.info('camera and microphone access before the kiosk', { ...access })
        kiosk.open()
        recruiter?.hide()
        return { url: null }
      },
      chooseResumePaths: createResumeDialog(() => recruiter),
      saveReportPdf: createReportPdf(windows),
      updates: {
        get: async () => updater.view(),
        check: async () => {
          await updater.check()
          return updater.view()
        },
        restart: async () => {
          const outcome = updater.restartToUpdate()
          if ('refused' in outcome) throw new StudioError('conflict', outcome.refused)
          return outcome
        },
      },
    }),
    logger,
  })
  for (const notice of studio.info().notices) logger.warn(notice)
  const running = studio

  installStudioBridge({ ipcMain, dispatch: running.dispatch, windows, origins, logger })
  running.events.subscribe((name, payload, target) => windows.broadcast(name, payload, target))

  // The menu changes only when an update becomes ready to install, not at every download-progress event.
  let menuOffersRestart = updater.status().state === 'downloaded'
  updater.onStatus((status) => {
    logger.info('update status', { ...status })
    windows.broadcast('updates.changed', updater.view())
    if ((status.state === 'downloaded') === menuOffersRestart) return
    menuOffersRestart = status.state === 'downloaded'
    installMenu(running, updater)
  })
  installMenu(running, updater)
  app.on('will-quit', () => updater.stop())
  void updater.check()

  // An OS shutdown or log-out is not the candidate leaving: let the kiosk close so the system can.
  powerMonitor.on('shutdown', endingSession)

  showRecruiter()
  app.on('activate', () => bringToFront())
  // Resumes opened with the app (at launch, by a second launch, or dropped on the dock) go to the import flow.
  launchFiles.onOpenFiles((files) => {
    running.openFiles(files)
    bringToFront()
  })
}
