import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { FileStore } from './file-store'
import { dropStagedIfUnused } from './intake-source'

/**
 * How long uploaded bytes refused as not a resume are kept for "Import anyway". They may be anything
 * a recruiter dropped by mistake (a passport scan, a bank statement), so not for ever.
 */
export const KEEP_REFUSED_UPLOADS_MS = 30 * 24 * 60 * 60 * 1000

/**
 * Removes the kept bytes of uploads refused as not a resume longer ago than that, unless a resume,
 * a file still to import or a later such refusal has the same bytes; the item then has none to import.
 * Returns how many items it let go of.
 */
export async function dropStaleRefusedUploads(db: Kysely<Database>, files: FileStore, now: number): Promise<number> {
  const cutoff = now - KEEP_REFUSED_UPLOADS_MS
  const stale = await db
    .selectFrom('intake_items')
    .select(['id', 'name', 'staged_hash'])
    .where('outcome', '=', 'refused')
    .where('reason', '=', 'not_a_resume')
    .where('staged_hash', 'is not', null)
    .where('updated_at', '<', cutoff)
    .execute()
  for (const item of stale) {
    await dropStagedIfUnused({ db, files }, item, cutoff)
    await db.updateTable('intake_items').set({ staged_hash: null }).where('id', '=', item.id).execute()
  }
  return stale.length
}
