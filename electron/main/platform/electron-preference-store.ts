import fs from 'node:fs'
import path from 'node:path'
import Store from 'electron-store'
import type { Logger } from '../logger'
import type { PreferenceStore } from '../settings/types'

const NAME = 'preferences'

type RawPreferences = Record<string, unknown>

function open(dataDir: string): Store<RawPreferences> {
  return new Store<RawPreferences>({ name: NAME, cwd: dataDir, clearInvalidConfig: false })
}

/**
 * Preferences in electron-store, in the studio's data folder beside the database. A file that is
 * not JSON is moved aside (kept for the user, not overwritten) and a fresh one started; the
 * preferences service then fills every field from its defaults.
 */
export function createElectronPreferenceStore(dataDir: string, logger: Logger): PreferenceStore {
  let store: Store<RawPreferences>
  try {
    store = open(dataDir)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    const file = path.join(dataDir, `${NAME}.json`)
    const aside = `${file}.corrupt-${Date.now()}`
    fs.renameSync(file, aside)
    logger.warn('preferences file was not valid JSON; moved aside and started fresh', { movedTo: aside })
    store = open(dataDir)
  }
  return {
    read() {
      try {
        return store.store
      } catch (error) {
        logger.warn('preferences could not be read; using defaults', { error: String(error) })
        return {}
      }
    },
    write(value) {
      store.store = { ...value }
    },
  }
}
