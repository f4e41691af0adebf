import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { StudioError } from '@shared/contract'
import { createSafeStorageCipher, type SafeStorageApi } from '@main/platform/safe-storage-cipher'
import { secureStorageVerdict } from '@main/platform/secure-storage-policy'
import { createEncryptedSecretStore } from '@core/settings/encrypted-secret-store'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'

/**
 * Stands in for the OS keychain behind safeStorage: real AES-GCM under a key the "keychain" holds,
 * reporting whatever availability and backend the case needs.
 */
function keychain(options: { available?: boolean; backend?: string; key?: Buffer } = {}): SafeStorageApi {
  const key = options.key ?? crypto.randomBytes(32)
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plain) {
      const iv = crypto.randomBytes(12)
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decryptString(data) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

const CANARY = 'sk-canary-7d1f0c5e9a2b44c1'

describe('secure storage verdict', () => {
  it('accepts a real keychain on every platform', () => {
    expect(secureStorageVerdict({ encryptionAvailable: true, platform: 'darwin' })).toEqual({ usable: true })
    expect(secureStorageVerdict({ encryptionAvailable: true, platform: 'win32' })).toEqual({ usable: true })
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(secureStorageVerdict({ encryptionAvailable: true, platform: 'linux', linuxBackend: backend })).toEqual({
        usable: true,
      })
    }
  })

  it("refuses when encryption is unavailable or Linux fell back to Chromium's fixed password", () => {
    expect(secureStorageVerdict({ encryptionAvailable: false, platform: 'darwin' })).toMatchObject({ usable: false })
    expect(
      secureStorageVerdict({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'basic_text' }),
    ).toMatchObject({
      usable: false,
      reason: expect.stringContaining('keyring'),
    })
    expect(
      secureStorageVerdict({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'unknown' }),
    ).toMatchObject({ usable: false })
  })
})

describe('secrets through safeStorage', () => {
  it('refuses to store a key without a keyring, as a typed error, writing nothing to disk', async () => {
    const dataDir = tempDir()
    const file = path.join(dataDir, 'secrets.json')
    const secrets = createEncryptedSecretStore(
      file,
      createSafeStorageCipher(keychain({ backend: 'basic_text' }), 'linux'),
    )
    const { studio } = await createTempStudio({ dataDir, secrets })
    try {
      const result = await studio.dispatch(
        'secrets.set',
        { name: 'openai.apiKey', value: CANARY },
        { audience: 'recruiter' },
      )
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringContaining('not saved') },
      })
      expect(fs.existsSync(file)).toBe(false)
    } finally {
      await studio.close()
    }
    expect(() => createSafeStorageCipher(keychain({ available: false }), 'darwin').encrypt(CANARY)).toThrow(StudioError)
  })

  it('stores only ciphertext, reads it back in main, and treats a changed keychain as "enter the key again"', async () => {
    const dataDir = tempDir()
    const file = path.join(dataDir, 'secrets.json')
    const key = crypto.randomBytes(32)
    const secrets = createEncryptedSecretStore(file, createSafeStorageCipher(keychain({ key }), 'linux'))
    const { studio } = await createTempStudio({ dataDir, secrets })
    try {
      const set = await studio.dispatch(
        'secrets.set',
        { name: 'openai.apiKey', value: CANARY },
        { audience: 'recruiter' },
      )
      expect(set).toEqual({ ok: true, value: { 'openai.apiKey': true, 'deepgram.apiKey': false } })
    } finally {
      await studio.close()
    }
    const onDisk = fs.readFileSync(file, 'utf8')
    expect(onDisk).not.toContain(CANARY)
    expect(onDisk).not.toContain(Buffer.from(CANARY).toString('base64'))

    const reopened = createEncryptedSecretStore(file, createSafeStorageCipher(keychain({ key }), 'linux'))
    expect(reopened.get('openai.apiKey')).toBe(CANARY)

    const otherKeychain = createEncryptedSecretStore(file, createSafeStorageCipher(keychain(), 'linux'))
    expect(otherKeychain.has('openai.apiKey')).toBe(false)
  })
})
