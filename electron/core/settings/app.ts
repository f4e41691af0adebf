import { secretNameSchema, type SecretName } from '../../../shared/contract/foundation'
import type { DomainApp } from '../ipc/dispatcher'
import type { PreferencesService } from './preferences'
import type { SecretStore } from './types'

export interface SettingsDeps {
  preferences: PreferencesService
  secrets: SecretStore
}

export type SettingsApp = DomainApp<'settings' | 'secrets'>

/** Preferences, and which credentials are set; no request returns a secret's value. */
export function createApp(deps: SettingsDeps): SettingsApp {
  const status = () =>
    Object.fromEntries(secretNameSchema.options.map((name) => [name, deps.secrets.has(name)])) as Record<
      SecretName,
      boolean
    >
  return {
    handlers: {
      'settings.get': () => deps.preferences.get(),
      'settings.update': (patch) => deps.preferences.update(patch),
      'secrets.status': status,
      'secrets.set': async ({ name, value }) => {
        await deps.secrets.set(name, value)
        return status()
      },
      'secrets.clear': async ({ name }) => {
        await deps.secrets.clear(name)
        return status()
      },
    },
  }
}
