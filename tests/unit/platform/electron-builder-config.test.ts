import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * `npm run dist` cannot run here (no Electron binary), so the configuration is loaded and checked
 * with electron-builder's own loader and schema, and its security-relevant keys are read back. The
 * configuration is a function of the release environment (certificates, publisher, maintainer), so
 * each combination a release manager can set is built and checked too.
 */
const root = path.resolve(__dirname, '../../..')
const CONFIG_FILE = 'build/electron-builder.config.cjs'
const { builderConfig } = createRequire(__filename)(path.join(root, CONFIG_FILE)) as {
  builderConfig(env: Record<string, string | undefined>): Configuration
}
let config: Configuration

beforeAll(async () => {
  config = await getConfig(root, CONFIG_FILE, null)
})

const MAC_SIGNED = { CSC_LINK: 'cert.p12' }
const MAC_NOTARISED = { ...MAC_SIGNED, APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }
const WIN_SIGNED = { WIN_CSC_LINK: 'cert.pfx', PANELIST_WIN_PUBLISHER: 'Panelist Ltd' }
const RELEASE_ENVS = { unsigned: {}, MAC_SIGNED, MAC_NOTARISED, WIN_SIGNED }

describe('electron-builder configuration', () => {
  it("passes electron-builder's schema, which does reject unknown keys", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    await expect(
      validateConfiguration({ ...config, asarUnpak: ['typo'] } as Configuration, new DebugLogger(false)),
    ).rejects.toThrow(/asarUnpak/)
  })

  it('packages the built app and keeps the native SQLite module outside the asar', () => {
    expect(config.productName).toBe('Panelist')
    // The loader normalises `files` into file sets; the patterns are their filters.
    const patterns = [config.files]
      .flat()
      .flatMap((set) => (typeof set === 'object' && set ? [set.filter ?? []].flat() : [set]))
    expect(patterns).toEqual(['out/**', 'resources/**', 'package.json', '!**/*.map'])
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**')
    expect(config.npmRebuild).toBe(true)
  })

  it.each(Object.entries(RELEASE_ENVS))('passes the schema in the %s release environment', async (_name, env) => {
    await expect(validateConfiguration(builderConfig(env), new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('builds a deb, NSIS, and a hardened DMG with the zip macOS updates need, with camera and microphone entitlements', () => {
    // An AppImage aborts at start on Ubuntu 23.10+ (no AppArmor profile for Chromium's sandbox); the deb installs one.
    expect(config.linux?.target).toEqual(['deb'])
    expect(config.win?.target).toEqual(['nsis'])
    // MacUpdater downloads the zip; a dmg alone cannot update.
    expect(config.mac?.target).toEqual(['dmg', 'zip'])
    expect(config.mac?.hardenedRuntime).toBe(true)
    expect(config.mac?.extendInfo).toMatchObject({
      NSCameraUsageDescription: expect.any(String),
      NSMicrophoneUsageDescription: expect.any(String),
    })
    const plist = fs.readFileSync(path.join(root, config.mac!.entitlements!), 'utf8')
    for (const key of [
      'com.apple.security.device.camera',
      'com.apple.security.device.audio-input',
      'com.apple.security.cs.allow-jit',
    ]) {
      expect(plist).toMatch(new RegExp(`<key>${key.replaceAll('.', '\\.')}</key>\\s*<true/>`))
    }
    expect(plist).not.toContain('disable-library-validation')
  })

  it('turns off the fuses that would let the signed app run as plain Node', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it("gives the deb the homepage and the maintainer's e-mail electron-builder requires", () => {
    // FpmTarget refuses a deb without a homepage (package.json or extraMetadata) and a "Name <email>" maintainer.
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\//)
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^@\s]+>$/)
    const release = builderConfig({
      PANELIST_HOMEPAGE: 'https://example.com/',
      PANELIST_MAINTAINER: 'Ops <ops@example.com>',
    })
    expect(release.extraMetadata?.homepage).toBe('https://example.com/')
    expect(release.linux?.maintainer).toBe('Ops <ops@example.com>')
  })

  it('resets the ad-hoc signature of an unsigned macOS build (Apple silicon refuses it after the fuses flip) and gives it no feed', () => {
    const unsigned = builderConfig({})
    expect(unsigned.electronFuses?.resetAdHocDarwinSignature).toBe(true)
    expect(unsigned.mac?.identity).toBeNull()
    expect(unsigned.mac?.publish).toBeNull()
    expect(unsigned.mac?.notarize).toBe(false)
    const signed = builderConfig(MAC_SIGNED)
    expect(signed.electronFuses?.resetAdHocDarwinSignature).toBe(false)
    expect(signed.mac).not.toHaveProperty('identity')
    expect(signed.mac).not.toHaveProperty('publish')
    expect(signed.mac?.notarize).toBe(false)
    expect(builderConfig(MAC_NOTARISED).mac?.notarize).toBe(true)
  })

  it('verifies Windows updates against the publisher, and gives a build without one no feed', () => {
    // electron-updater skips the signature check when publisherName is missing.
    const unsigned = builderConfig({})
    expect(unsigned.win).not.toHaveProperty('signtoolOptions')
    expect(unsigned.win?.publish).toBeNull()
    expect(builderConfig({ WIN_CSC_LINK: 'cert.pfx' }).win?.publish).toBeNull()
    const signed = builderConfig(WIN_SIGNED)
    expect(signed.win?.signtoolOptions?.publisherName).toBe('Panelist Ltd')
    expect(signed.win?.verifyUpdateCodeSignature).toBe(true)
    expect(signed.win).not.toHaveProperty('publish')
  })

  it('publishes to a generic feed taken from PANELIST_UPDATE_URL, with update files for every channel', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.PANELIST_UPDATE_URL}' })
    expect(config.detectUpdateChannel).toBe(true)
    expect(config.generateUpdatesFilesForAllChannels).toBe(true)
  })
})
