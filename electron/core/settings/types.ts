import type { Preferences } from '../../../shared/contract/foundation'
import type { StoredSecretName } from '../../../shared/contract/foundation'

/**
 * Where preferences live: electron-store in Electron, a JSON file in the web host and tests; in the
 * core process, the host's store reached through the protocol.
 */
export interface PreferenceStore {
  read(): unknown
  write(value: Preferences): void | Promise<void>
}

/**
 * Where credentials live: safeStorage in Electron, an encrypted file in the web host. `get` is for
 * the main process only; no request in the contract returns a secret's value.
 */
export interface SecretStore {
  get(name: StoredSecretName): string | undefined
  /** Settles once the value is stored; a store that cannot keep it secret refuses with `unavailable`. */
  set(name: StoredSecretName, value: string): void | Promise<void>
  clear(name: StoredSecretName): void | Promise<void>
  has(name: StoredSecretName): boolean
  /** Every value currently stored, so the logger can mask them. */
  values(): string[]
}
