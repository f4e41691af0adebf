import type { PreferenceStore } from './types'
import { readFileIfExists, writeFileAtomic } from './atomic-file'

/** Preferences as a plain JSON file (web host and tests); an unreadable file reads as defaults. */
export function createJsonPreferenceStore(file: string): PreferenceStore {
  return {
    read() {
      const raw = readFileIfExists(file)
      if (!raw) return {}
      try {
        return JSON.parse(raw.toString('utf8'))
      } catch {
        return {}
      }
    },
    write(value) {
      writeFileAtomic(file, JSON.stringify(value, null, 2))
    },
  }
}
