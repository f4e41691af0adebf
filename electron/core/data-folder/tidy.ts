import type { Kysely } from 'kysely'
import { getMeta, setMeta } from '../db/meta'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import { isStorageFull } from './storage-full'
import { makePrivate } from './private-modes'
import { sweepOrphanTemps } from './temp-sweep'

/** The folders Panelist writes under its data folder (in Electron it also holds Chromium's own). */
export const OWN_FOLDERS = ['files', 'recordings', 'backups'] as const

const PRIVATE_SINCE = 'data_folder_private'

/**
 * Start-up housekeeping of the data folder: temp files of interrupted writes are removed every
 * time (names only, cheap), and the whole tree is made private once; files made after that are
 * private from the start (createPrivately).
 */
export async function tidyDataFolder(dataDir: string, db: Kysely<Database>, logger: Logger): Promise<void> {
  const removed = await sweepOrphanTemps(dataDir, OWN_FOLDERS)
  if (removed) logger.info('removed temporary files that interrupted writes left', { count: removed })
  if (await getMeta(db, PRIVATE_SINCE)) return
  const changed = await makePrivate(dataDir, OWN_FOLDERS)
  if (changed) logger.info('made the data folder private to this user', { entries: changed })
  // On a full disk this is done again at the next start, which does no harm.
  await setMeta(db, PRIVATE_SINCE, String(Date.now())).catch((error: unknown) => {
    if (!isStorageFull(error)) throw error
  })
}
