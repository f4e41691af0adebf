/** What safeStorage reports about itself on this machine. */
export interface SecureStorageFacts {
  encryptionAvailable: boolean
  platform: NodeJS.Platform
  /** Linux only: which keyring backs it (`getSelectedStorageBackend()`). */
  linuxBackend?: string
}

export type SecureStorageVerdict = { usable: true } | { usable: false; reason: string }

/**
 * Whether secrets may be written through safeStorage. On Linux without a keyring Electron falls
 * back to `basic_text`, a fixed password compiled into Chromium: that is obfuscation, so it counts
 * as unavailable and the key is refused rather than stored under it.
 */
export function secureStorageVerdict(facts: SecureStorageFacts): SecureStorageVerdict {
  if (!facts.encryptionAvailable) {
    return { usable: false, reason: 'Secure storage is not available on this system, so the key was not saved.' }
  }
  if (facts.platform === 'linux' && (facts.linuxBackend === 'basic_text' || facts.linuxBackend === 'unknown')) {
    return {
      usable: false,
      reason:
        'No system keyring (GNOME Keyring or KWallet) is available, so the key was not saved. Unlock or install a keyring and try again.',
    }
  }
  return { usable: true }
}
