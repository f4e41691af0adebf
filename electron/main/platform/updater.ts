import { autoUpdater, type AppUpdater } from 'electron-updater'
import type { Preferences } from '../../../shared/contract/foundation'
import type { UpdateStatus, UpdateView } from '../../../shared/contract/updates'
import type { Logger } from '../../core/logger'
import { decideUpdateFeed, describeUpdateStatus, releaseNotesText, restartRefusal } from './update-feed'

export interface Updater {
  status(): UpdateStatus
  /** What the recruiter's Settings and banner show. */
  view(): UpdateView
  onStatus(listener: (status: UpdateStatus) => void): () => void
  /** Checks the feed (and downloads in the background when there is something newer). */
  check(): Promise<void>
  /** Quits and installs a downloaded update; otherwise answers why not (the kiosk is open, nothing downloaded). */
  restartToUpdate(): { restarting: true } | { refused: string }
  stop(): void
}

export interface UpdaterOptions {
  packaged: boolean
  /** PANELIST_UPDATE_URL. */
  feedUrl: string | undefined
  /** Read at every check, so a change of channel in Settings applies to the next one. */
  channel(): Preferences['updateChannel']
  kioskOpen(): boolean
  logger: Logger
  /** How often to check after the first check at start-up. */
  intervalMs?: number
  /** electron-updater's updater for this platform (the default), or a stand-in in tests. */
  engine?: () => UpdateEngine
}

/** The parts of electron-updater's AppUpdater the app drives. */
export type UpdateEngine = Pick<
  AppUpdater,
  | 'on'
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'quitAndInstall'
  | 'logger'
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'disableWebInstaller'
  | 'channel'
  | 'allowDowngrade'
>

const autoUpdaterOfPlatform = (): UpdateEngine => autoUpdater

/**
 * electron-updater on a generic https feed. Downgrades stay off even on the beta channel
 * (electron-updater turns them on whenever a channel is set), web installers are refused, and a
 * downloaded update installs only on an explicit restart or when the app quits normally.
 */
export function createUpdater(options: UpdaterOptions): Updater {
  const listeners = new Set<(status: UpdateStatus) => void>()
  let current: UpdateStatus = { state: 'idle' }
  let lastCheckedAt: number | null = null
  let notes: string | null = null
  let timer: NodeJS.Timeout | null = null
  let engine: UpdateEngine | null = null
  const set = (status: UpdateStatus) => {
    current = status
    for (const listener of listeners) listener(status)
  }

  // Created at the first check: electron-updater's autoUpdater builds itself from Electron's app on first use.
  const wire = (): UpdateEngine => {
    if (engine) return engine
    const autoUpdater = (engine = (options.engine ?? (() => autoUpdaterOfPlatform()))())
    autoUpdater.logger = {
      info: (message?: unknown) => options.logger.info('updater', { message: String(message) }),
      warn: (message?: unknown) => options.logger.warn('updater', { message: String(message) }),
      error: (message?: unknown) => options.logger.error('updater', { message: String(message) }),
    }
    autoUpdater.autoDownload = true
    autoUpdater.autoInstallOnAppQuit = true
    autoUpdater.disableWebInstaller = true
    autoUpdater.on('checking-for-update', () => {
      lastCheckedAt = Date.now()
      set({ state: 'checking' })
    })
    autoUpdater.on('update-not-available', (info) => set({ state: 'up-to-date', version: info.version }))
    autoUpdater.on('update-available', (info) => {
      notes = releaseNotesText(info.releaseNotes)
      set({ state: 'downloading', version: info.version, percent: 0, bytesPerSecond: 0, transferred: 0, total: 0 })
    })
    autoUpdater.on('download-progress', (progress) => {
      const version = current.state === 'downloading' ? current.version : ''
      set({
        state: 'downloading',
        version,
        percent: progress.percent,
        bytesPerSecond: progress.bytesPerSecond,
        transferred: progress.transferred,
        total: progress.total,
      })
    })
    autoUpdater.on('update-downloaded', (event) => set({ state: 'downloaded', version: event.version }))
    autoUpdater.on('error', (error) => set({ state: 'error', message: error.message }))
    return autoUpdater
  }

  const check = async () => {
    const decision = decideUpdateFeed({ url: options.feedUrl, channel: options.channel(), packaged: options.packaged })
    if (!decision.enabled) {
      set({ state: 'disabled', reason: decision.reason })
      return
    }
    if (current.state === 'downloading' || current.state === 'downloaded') return
    const autoUpdater = wire()
    autoUpdater.setFeedURL(decision.feed)
    autoUpdater.channel = decision.feed.channel
    // Must follow the channel assignment, which silently sets it to true.
    autoUpdater.allowDowngrade = false
    try {
      await autoUpdater.checkForUpdates()
    } catch (error) {
      set({ state: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  if (options.intervalMs) {
    timer = setInterval(() => void check(), options.intervalMs)
    timer.unref()
  }

  return {
    status: () => current,
    view: () => ({ managedHere: true, status: current, summary: describeUpdateStatus(current), lastCheckedAt, notes }),
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    check,
    restartToUpdate() {
      const refused = restartRefusal({ downloaded: current.state === 'downloaded', kioskOpen: options.kioskOpen() })
      if (refused) return { refused }
      wire().quitAndInstall()
      return { restarting: true }
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}
