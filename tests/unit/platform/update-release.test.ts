import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { CancellationToken } from 'builder-util-runtime'
import { AppUpdater } from 'electron-updater/out/AppUpdater'
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor'
import { findFile } from 'electron-updater/out/providers/Provider'
import type { DownloadUpdateOptions } from 'electron-updater/out/AppUpdater'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-studio'

/**
 * The release path end to end without Electron: build/publish-release.mjs writes a generic feed into a
 * folder, a local https server (its certificate signed by a CA made for this test and trusted only
 * here) serves it, and electron-updater's own AppUpdater reads it — channel files, staged rollout
 * against its per-install id, no downgrade, sha512 checked after download. Only the installer
 * step is ours (a subclass downloads the .deb the way electron-updater's updaters do).
 */
interface Publisher {
  publish(options: Record<string, unknown>): string[]
  stage(options: Record<string, unknown>): string
  PublishError: new (message: string) => Error
}
let release: Publisher

const dir = tempDir('panelist-feed-')
const feed = path.join(dir, 'feed')
let server: https.Server
let feedUrl: string

function makeCertificates() {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' })
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=Panelist test CA',
  )
  run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=127.0.0.1')
  fs.writeFileSync(path.join(dir, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n')
  run(
    'x509',
    '-req',
    '-in',
    'srv.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'srv.crt',
    '-days',
    '2',
    '-extfile',
    'san.cnf',
  )
}

function installer(version: string, body = `deb package ${version} `.repeat(2000)): string {
  const file = path.join(dir, `Panelist-${version}-amd64.deb`)
  fs.writeFileSync(file, body)
  return file
}

/**
 * electron-updater's own executor (its download streams through builder-util-runtime's sha512
 * check), with Node's https in place of Electron's net module for the requests themselves.
 */
type CreateRequest = ElectronHttpExecutor['createRequest']
class NodeNetExecutor extends ElectronHttpExecutor {
  override createRequest(...[options, callback]: Parameters<CreateRequest>): ReturnType<CreateRequest> {
    return https.request(options, callback) as unknown as ReturnType<CreateRequest>
  }
}

/** The app adapter AppUpdater accepts in place of Electron's app (its second constructor argument). */
type UpdaterApp = NonNullable<AppUpdater['app']>

/** electron-updater's AppUpdater with its app (version, folders) given, as its own tests do. */
class FeedUpdater extends AppUpdater {
  constructor(
    app: UpdaterApp,
    private readonly executor: ElectronHttpExecutor,
  ) {
    super(null, app)
    // The base class makes Electron's executor only when it makes the app adapter too.
    ;(this as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = executor
  }

  protected override doDownloadUpdate(options: DownloadUpdateOptions) {
    const provider = options.updateInfoAndProvider.provider
    const fileInfo = findFile(provider.resolveFiles(options.updateInfoAndProvider.info), 'deb')!
    return this.executeDownload({
      fileExtension: 'deb',
      fileInfo,
      downloadUpdateOptions: options,
      done: async () => {},
      task: (updateFile, downloadOptions) =>
        this.executor.download(fileInfo.url, updateFile, downloadOptions).then(() => {}),
    })
  }

  override quitAndInstall(): void {}
}

function updaterAt(version: string, installId: string, channel: 'latest' | 'beta' = 'latest') {
  const userData = tempDir('panelist-updater-')
  // electron-updater's staged rollout compares the last four bytes of this id with the percentage.
  fs.writeFileSync(path.join(userData, '.updaterId'), installId)
  const config = path.join(userData, 'app-update.yml')
  fs.writeFileSync(config, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: panelist-updater\n`)
  const app = {
    version,
    name: 'Panelist',
    isPackaged: true,
    userDataPath: userData,
    baseCachePath: tempDir('panelist-update-cache-'),
    appUpdateConfigPath: config,
    whenReady: async () => {},
    quit() {},
    relaunch() {},
    onQuit() {},
  }
  const updater = new FeedUpdater(app as unknown as UpdaterApp, new NodeNetExecutor())
  updater.logger = null
  updater.autoDownload = false
  updater.setFeedURL({ provider: 'generic', url: feedUrl })
  if (channel === 'beta') updater.channel = 'beta'
  // As our updater does: setting a channel turns downgrades on, so it is turned off after.
  updater.allowDowngrade = false
  return updater
}

const FIRST_IN = '00000000-0000-4000-8000-000000000000'
// Near the top of the range (ffffffff itself is never in: electron-updater compares with "<").
const LAST_IN = '00000000-0000-4000-8000-0000fffffffe'

beforeAll(async () => {
  release = (await import(path.resolve('build/publish-release.mjs'))) as Publisher
  makeCertificates()
  fs.mkdirSync(feed)
  server = https.createServer(
    { key: fs.readFileSync(path.join(dir, 'srv.key')), cert: fs.readFileSync(path.join(dir, 'srv.crt')) },
    (req, res) => {
      const file = path.join(feed, path.basename(decodeURIComponent(new URL(req.url!, 'https://feed').pathname)))
      if (!fs.existsSync(file)) return void res.writeHead(404).end()
      res.end(fs.readFileSync(file))
    },
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  feedUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`
  https.globalAgent.options.ca = fs.readFileSync(path.join(dir, 'ca.crt'))
})

afterAll(async () => {
  delete https.globalAgent.options.ca
  await new Promise((resolve) => server?.close(resolve))
})

describe('publishing a release to the update feed', () => {
  it('writes a stable release to latest and beta, a pre-release to beta only, and refuses an older version', () => {
    expect(
      release.publish({ feed, version: '1.2.0', platform: 'linux', staging: '10', installers: [installer('1.2.0')] }),
    ).toEqual(['latest-linux.yml', 'beta-linux.yml'])
    expect(
      release.publish({ feed, version: '1.3.0-beta.1', platform: 'linux', installers: [installer('1.3.0-beta.1')] }),
    ).toEqual(['beta-linux.yml'])
    expect(() =>
      release.publish({ feed, version: '1.1.0', platform: 'linux', installers: [installer('1.1.0')] }),
    ).toThrow(/already offers 1.2.0, newer than 1.1.0/)
    expect(() => release.stage({ feed, platform: 'linux', staging: '0' })).toThrow(/1 to 100/)
  })

  it('is read by electron-updater: the channel, the staged share of installs, no downgrade', async () => {
    const inside = await updaterAt('1.1.0', FIRST_IN).checkForUpdates()
    expect(inside?.isUpdateAvailable).toBe(true)
    expect(inside?.updateInfo.version).toBe('1.2.0')
    // 10% staged: an install whose id falls outside is not offered it, until the rollout is raised.
    expect((await updaterAt('1.1.0', LAST_IN).checkForUpdates())?.isUpdateAvailable).toBe(false)
    release.stage({ feed, platform: 'linux', staging: '100' })
    expect((await updaterAt('1.1.0', LAST_IN).checkForUpdates())?.isUpdateAvailable).toBe(true)

    const beta = await updaterAt('1.2.0', FIRST_IN, 'beta').checkForUpdates()
    expect(beta?.updateInfo.version).toBe('1.3.0-beta.1')
    expect(beta?.isUpdateAvailable).toBe(true)
    // A newer install than the feed offers is not taken back.
    expect((await updaterAt('1.4.0', FIRST_IN).checkForUpdates())?.isUpdateAvailable).toBe(false)
  })

  it('installs only a file whose sha512 matches the feed', async () => {
    const updater = updaterAt('1.1.0', FIRST_IN)
    await updater.checkForUpdates()
    const [downloaded] = await updater.downloadUpdate(new CancellationToken())
    expect(fs.readFileSync(downloaded!, 'utf8')).toBe(
      fs.readFileSync(path.join(feed, 'Panelist-1.2.0-amd64.deb'), 'utf8'),
    )

    fs.appendFileSync(path.join(feed, 'Panelist-1.2.0-amd64.deb'), 'tampered')
    const fooled = updaterAt('1.1.0', FIRST_IN)
    await fooled.checkForUpdates()
    await expect(fooled.downloadUpdate(new CancellationToken())).rejects.toThrow(/sha512 checksum mismatch/)
  })
})
