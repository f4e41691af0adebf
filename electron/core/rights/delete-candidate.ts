import fs from 'node:fs'
import { sql, type Kysely, type Transaction } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import type { CandidateDeletion, DeletionPreview } from '../../../shared/contract/rights'
import type { Clock } from '../clock'
import { pathInside } from '../data-folder/inside'
import type { Database } from '../db/schema'
import type { SyncedTable, SyncedWriter } from '../db/synced'
import { RECORDINGS_DIR } from '../recording/recordings-store'
import { candidateFootprint, type Footprint } from './footprint'
import { replaceBackups } from './replace-backups'

export interface DeleteDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  clock: Clock
  dataDir: string
  /** Removes the candidate's files from the workspace's storage too (file sync); absent, there is none. */
  forgetWorkspaceFiles?(hashes: readonly string[]): Promise<void>
}

export function previewOf(footprint: Footprint): DeletionPreview {
  return {
    candidateId: footprint.candidateId,
    rows: footprint.parts.map((p) => ({ kind: p.kind, count: p.keys.length })),
    files: footprint.files,
  }
}

/** The footprint of a candidate who exists; a deleted or unknown id is refused rather than previewed as nothing. */
async function existingFootprint(db: Kysely<Database> | Transaction<Database>, candidateId: string) {
  const footprint = await candidateFootprint(db, candidateId)
  if (!footprint.parts.some((p) => p.table === 'candidates'))
    throw new StudioError('not_found', 'That candidate no longer exists')
  return footprint
}

/** An interview in progress that changed within this long is taken to be under way at the kiosk. */
const LIVE_INTERVIEW_MS = 60 * 60 * 1000

/**
 * Refuses while something is still writing about the candidate: an interview under way at the
 * kiosk, or a job of theirs (an assessment, a transcription) running. Either would write rows
 * after the deletion, bringing part of the candidate back. An interview left in progress for
 * longer (the candidate walked away) does not block the deletion.
 */
async function refuseWhileBusy(trx: Transaction<Database>, footprint: Footprint, now: number) {
  // The engine's state row changes with every turn; the session row only at start and finish.
  const live = footprint.sessionIds.length
    ? await trx
        .selectFrom('interview_sessions as s')
        .innerJoin('interview_session_state as st', 'st.session_id', 's.id')
        .select('s.id')
        .where('s.id', 'in', footprint.sessionIds)
        .where('s.status', '=', 'in_progress')
        .where('st.updated_at', '>', now - LIVE_INTERVIEW_MS)
        .executeTakeFirst()
    : undefined
  if (live) throw new StudioError('conflict', 'Their interview is still in progress; delete them once it has ended')
  const jobs = footprint.parts.find((p) => p.table === 'jobs')?.keys ?? []
  const running = jobs.length
    ? await trx
        .selectFrom('jobs')
        .select('id')
        .where('id', 'in', jobs)
        .where('status', '=', 'running')
        .executeTakeFirst()
    : undefined
  if (running) throw new StudioError('conflict', 'A job about them is running; delete them once it has finished')
}

export async function previewCandidateDeletion(db: Kysely<Database>, candidateId: string): Promise<DeletionPreview> {
  return previewOf(await existingFootprint(db, candidateId))
}

/**
 * Removes the footprint's rows. A synced row's erasure goes through the writer, so the change log
 * holds its tombstone for the synced copy (none when `tombstones` is null: a teammate's erasure
 * pulled here already carries them); the earlier log entries of that row (which carry its fields:
 * the name, the answer text) are dropped, since the tombstone supersedes them.
 */
export async function deleteFootprintRows(
  trx: Transaction<Database>,
  tombstones: SyncedWriter | null,
  footprint: Footprint,
) {
  for (const part of footprint.parts) {
    if (part.synced) {
      for (const id of part.keys) {
        await tombstones?.erase(trx, part.table as SyncedTable, id)
        await trx.deleteFrom('change_log').where('row_id', '=', id).where('op', '!=', 'delete').execute()
      }
    }
    await sql`delete from ${sql.table(part.table)} where ${sql.ref(part.column)} in (${sql.join(part.keys)})`.execute(
      trx,
    )
  }
}

/**
 * Removes files after the rows committed: a crash in between leaves an unreferenced file, which
 * is found again by nothing, rather than a row that points at a missing file. A file that cannot
 * be removed is reported to the caller, never silently kept.
 */
export async function removeFiles(dataDir: string, files: readonly string[], sessionIds: readonly string[]) {
  const targets = [...files, ...sessionIds.map((s) => `${RECORDINGS_DIR}/${s}`)]
  const failed: string[] = []
  let removed = 0
  for (const relative of targets) {
    const full = pathInside(dataDir, '', relative)
    if (!full) {
      failed.push(relative)
      continue
    }
    try {
      const existed = fs.existsSync(full)
      await fs.promises.rm(full, { force: true, recursive: true })
      if (existed) removed += 1
    } catch {
      failed.push(relative)
    }
  }
  return { removed, failed }
}

/**
 * Rewrites the database file without free space, empties the WAL and replaces the backups. SQLite
 * leaves a deleted or updated row's old bytes in free pages and in the WAL, and the backups hold
 * the rows themselves; without this the candidate's name would still be readable in the data
 * folder after the rows are gone. It costs copies of the database, so a retention run does it once
 * after all its deletions. Returns the backups that could not be removed.
 */
export async function forgetDeleted(deps: DeleteDeps): Promise<string[]> {
  await sql`vacuum`.execute(deps.db)
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(deps.db)
  return replaceBackups(deps.db, deps.dataDir, deps.clock.now())
}

/** Deletes one candidate everywhere: every row in one transaction, then their files. */
export async function deleteCandidate(
  deps: DeleteDeps,
  candidateId: string,
  options: { compact: boolean } = { compact: true },
): Promise<CandidateDeletion> {
  const footprint = await deps.db.transaction().execute(async (trx) => {
    const found = await existingFootprint(trx, candidateId)
    await refuseWhileBusy(trx, found, deps.clock.now())
    await deleteFootprintRows(trx, deps.writer, found)
    return found
  })
  const { removed, failed } = await removeFiles(deps.dataDir, footprint.files, footprint.sessionIds)
  await deps.forgetWorkspaceFiles?.(footprint.workspaceObjects)
  const backupsKept = options.compact ? await forgetDeleted(deps) : []
  return { ...previewOf(footprint), filesRemoved: removed, filesNotRemoved: [...failed, ...backupsKept] }
}
