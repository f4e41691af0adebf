import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '@shared/contract/updates'
import { silentLogger } from '@core/logger'
import { createUpdater, type UpdateEngine } from '@main/platform/updater'

/**
 * electron-updater's AppUpdater as its docs describe it to the app: a feed is set, then
 * checkForUpdates emits checking-for-update and one of update-not-available, update-available
 * (then download-progress and update-downloaded with autoDownload) or error. Setting `channel`
 * turns allowDowngrade on, as AppUpdater's setter does.
 */
class FakeAppUpdater extends EventEmitter {
  feeds: unknown[] = []
  installs = 0
  allowDowngrade = false
  autoDownload = false
  autoInstallOnAppQuit = false
  disableWebInstaller = false
  logger: unknown = null
  private channelValue: string | null = null
  offer: { version: string; notes?: string } | null = null
  failWith: Error | null = null

  get channel() {
    return this.channelValue
  }
  set channel(value: string | null) {
    this.channelValue = value
    this.allowDowngrade = true
  }
  setFeedURL(feed: unknown) {
    this.feeds.push(feed)
  }
  async checkForUpdates() {
    this.emit('checking-for-update')
    if (this.failWith) throw this.failWith
    if (!this.offer) {
      this.emit('update-not-available', { version: '1.0.0' })
      return null
    }
    this.emit('update-available', { version: this.offer.version, releaseNotes: this.offer.notes ?? null })
    this.emit('download-progress', { percent: 40, bytesPerSecond: 1_000, transferred: 400, total: 1_000 })
    this.emit('update-downloaded', { version: this.offer.version })
    return null
  }
  quitAndInstall() {
    this.installs++
  }
}

function updaterWith(options: { packaged?: boolean; url?: string; channel?: 'stable' | 'beta'; kioskOpen?: boolean }) {
  const fake = new FakeAppUpdater()
  let created = 0
  const seen: UpdateStatus[] = []
  const updater = createUpdater({
    packaged: options.packaged ?? true,
    feedUrl: 'url' in options ? options.url : 'https://updates.example.com/panelist/',
    channel: () => options.channel ?? 'stable',
    kioskOpen: () => options.kioskOpen ?? false,
    logger: silentLogger,
    engine: () => {
      created++
      return fake as unknown as UpdateEngine
    },
  })
  updater.onStatus((status) => seen.push(status))
  return { fake, updater, seen, created: () => created }
}

describe('the desktop updater', () => {
  it('does nothing in an unpacked build or without an https feed, and says why', async () => {
    const dev = updaterWith({ packaged: false })
    await dev.updater.check()
    expect(dev.updater.status()).toEqual({ state: 'disabled', reason: 'not a packaged build' })
    expect(dev.created()).toBe(0)

    const plain = updaterWith({ url: 'http://updates.example.com/' })
    await plain.updater.check()
    expect(plain.updater.view().summary).toMatch(/https/)
    expect(plain.created()).toBe(0)
  })

  it('checks the chosen channel with downgrades off, downloads, and reports each step', async () => {
    const { fake, updater, seen } = updaterWith({ channel: 'beta' })
    fake.offer = { version: '1.2.0-beta.1', notes: '<p>Faster <b>imports</b></p>' }
    await updater.check()
    expect(fake.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/panelist/', channel: 'beta' }])
    expect(fake.channel).toBe('beta')
    expect(fake.allowDowngrade).toBe(false)
    expect([fake.autoDownload, fake.autoInstallOnAppQuit, fake.disableWebInstaller]).toEqual([true, true, true])
    expect(seen.map((s) => s.state)).toEqual(['checking', 'downloading', 'downloading', 'downloaded'])
    expect(seen[2]).toMatchObject({ version: '1.2.0-beta.1', percent: 40 })
    const view = updater.view()
    expect(view.notes).toBe('Faster imports')
    expect(view.lastCheckedAt).not.toBeNull()
  })

  it('says when it is up to date, and turns a failed check into words', async () => {
    const { fake, updater } = updaterWith({})
    await updater.check()
    expect(updater.status()).toEqual({ state: 'up-to-date', version: '1.0.0' })
    fake.failWith = new Error('net::ERR_CONNECTION_REFUSED')
    await updater.check()
    expect(updater.status()).toEqual({ state: 'error', message: 'net::ERR_CONNECTION_REFUSED' })
  })

  it('restarts to update only once downloaded and never while the kiosk is open', async () => {
    const early = updaterWith({})
    expect(early.updater.restartToUpdate()).toEqual({ refused: 'No update has been downloaded yet.' })

    const kiosk = updaterWith({ kioskOpen: true })
    kiosk.fake.offer = { version: '1.1.0' }
    await kiosk.updater.check()
    expect(kiosk.updater.restartToUpdate()).toEqual({ refused: expect.stringMatching(/kiosk/) })
    expect(kiosk.fake.installs).toBe(0)

    const ready = updaterWith({})
    ready.fake.offer = { version: '1.1.0' }
    await ready.updater.check()
    // A downloaded update is not asked for again.
    await ready.updater.check()
    expect(ready.fake.feeds).toHaveLength(1)
    expect(ready.updater.restartToUpdate()).toEqual({ restarting: true })
    expect(ready.fake.installs).toBe(1)
  })
})
