import { StudioError } from '../../../shared/contract'
import type { Cipher } from '../../core/settings/encrypted-secret-store'
import { secureStorageVerdict } from './secure-storage-policy'

/** The part of Electron's `safeStorage` the cipher uses; main passes the real one. */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean
  getSelectedStorageBackend(): string
  encryptString(plain: string): Buffer
  decryptString(data: Buffer): string
}

/**
 * Secrets encrypted by the OS keychain (Keychain, DPAPI, libsecret/KWallet) through safeStorage.
 * Writing is refused with `unavailable` when no real keyring backs it, so a key is never stored
 * under a fixed password; reading throws when the keyring changed, which the secret store treats
 * as "not set" so the recruiter is asked to enter the key again.
 */
export function createSafeStorageCipher(storage: SafeStorageApi, platform: NodeJS.Platform = process.platform): Cipher {
  return {
    encrypt(plain) {
      const verdict = secureStorageVerdict({
        encryptionAvailable: storage.isEncryptionAvailable(),
        platform,
        linuxBackend: platform === 'linux' ? storage.getSelectedStorageBackend() : undefined,
      })
      if (!verdict.usable) throw new StudioError('unavailable', verdict.reason)
      return storage.encryptString(plain)
    },
    decrypt: (data) => storage.decryptString(data),
  }
}
