import fs from 'node:fs'
import path from 'node:path'
import type { Logger } from '../../core/logger'
import type { PreferenceStore } from '../../core/settings/types'

const NAME = 'preferences'

/** The part of an electron-store instance the adapter uses: the whole document, read and written. */
export interface DocumentStore {
  store: Record<string, unknown>
}

/**
 * Opens `<cwd>/<name>.json`; main passes electron-store. It must throw a SyntaxError for a file that
 * is not JSON (electron-store does with `clearInvalidConfig: false`) rather than silently empty it.
 */
export type OpenDocumentStore = (options: { name: string; cwd: string }) => DocumentStore

/**
 * Preferences in electron-store, in the studio's data folder beside the database. A file that is
 * not JSON is moved aside (kept for the user, not overwritten) and a fresh one started; the
 * preferences service then fills every field from its defaults.
 */
export function createElectronPreferenceStore(
  dataDir: string,
  logger: Logger,
  open: OpenDocumentStore,
): PreferenceStore {
  let store: DocumentStore
  try {
    store = open({ name: NAME, cwd: dataDir })
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    const file = path.join(dataDir, `${NAME}.json`)
    const aside = `${file}.corrupt-${Date.now()}`
    fs.renameSync(file, aside)
    logger.warn('preferences file was not valid JSON; moved aside and started fresh', { movedTo: aside })
    store = open({ name: NAME, cwd: dataDir })
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
