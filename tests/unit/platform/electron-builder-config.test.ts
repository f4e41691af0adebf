import fs from 'node:fs'
import path from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * `npm run dist` cannot run here (no Electron binary), so the configuration is loaded and checked
 * with electron-builder's own loader and schema, and its security-relevant keys are read back.
 */
const root = path.resolve(__dirname, '../../..')
let config: Configuration

beforeAll(async () => {
  config = await getConfig(root, 'build/electron-builder.yml', null)
})

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

  it('builds AppImage and deb, NSIS, and a hardened DMG with camera and microphone entitlements', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
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

  it('publishes to a generic feed taken from PANELIST_UPDATE_URL, with update files for every channel', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.PANELIST_UPDATE_URL}' })
    expect(config.detectUpdateChannel).toBe(true)
    expect(config.generateUpdatesFilesForAllChannels).toBe(true)
  })
})
