import type { Preferences } from '../../../shared/contract/foundation'
import type { SecretName } from '../../../shared/contract/foundation'

/** Where preferences live: electron-store in Electron, a JSON file in the web host and tests. */
export interface PreferenceStore {
  read(): unknown
  write(value: Preferences): void
}

/**
 * Where credentials live: safeStorage in Electron, an encrypted file in the web host. `get` is for
 * the main process only; no request in the contract returns a secret's value.
 */
export interface SecretStore {
  get(name: SecretName): string | undefined
  set(name: SecretName, value: string): void
  clear(name: SecretName): void
  has(name: SecretName): boolean
  /** Every value currently stored, so the logger can mask them. */
  values(): string[]
}
