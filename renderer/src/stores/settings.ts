import { create } from 'zustand'
import type { Preferences } from '../../../shared/contract/foundation'
import { call, describeError } from '../api/client'

interface SettingsState {
  preferences: Preferences | null
  error: string | null
  load(): Promise<void>
  update(patch: Partial<Preferences>): Promise<void>
}

export const useSettings = create<SettingsState>((set) => ({
  preferences: null,
  error: null,
  async load() {
    try {
      set({ preferences: await call('settings.get', {}), error: null })
    } catch (error) {
      set({ error: describeError(error) })
    }
  },
  async update(patch) {
    try {
      set({ preferences: await call('settings.update', patch), error: null })
    } catch (error) {
      set({ error: describeError(error) })
    }
  },
}))
