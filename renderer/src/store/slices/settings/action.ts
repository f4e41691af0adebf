import type { StateCreator } from 'zustand'
import type { Preferences } from '../../../../../shared/contract/foundation'
import { call, describeError } from '../../../api/client'
import type { RecruiterStore } from '../../store'

export interface SettingsAction {
  loadSettings(): Promise<void>
  updatePreferences(patch: Partial<Preferences>): Promise<void>
  /** Reads which keys are set, after start-up or a key was saved or cleared. */
  loadSecrets(): Promise<void>
}

export const createSettingsSlice: StateCreator<RecruiterStore, [], [], SettingsAction> = (set) => ({
  async loadSettings() {
    try {
      set({ preferences: await call('settings.get', {}), settingsError: null })
    } catch (error) {
      set({ settingsError: describeError(error) })
    }
  },
  async updatePreferences(patch) {
    try {
      set({ preferences: await call('settings.update', patch), settingsError: null })
    } catch (error) {
      set({ settingsError: describeError(error) })
    }
  },
  async loadSecrets() {
    const secrets = await call('secrets.status', {})
    set((state) => ({ secrets, keysVersion: state.keysVersion + 1 }))
  },
})
