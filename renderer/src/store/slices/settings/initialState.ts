import type { Preferences, SecretName } from '../../../../../shared/contract/foundation'

export interface SettingsState {
  preferences: Preferences | null
  settingsError: string | null
  /** Which API keys are set (never the keys themselves). */
  secrets: Record<SecretName, boolean> | null
  /** Counts key changes, so what depends on the keys (the AI settings) asks again. */
  keysVersion: number
}

export const initialSettingsState: SettingsState = {
  preferences: null,
  settingsError: null,
  secrets: null,
  keysVersion: 0,
}
