import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract'
import { MAX_RESUME_BYTES } from '../../../shared/contract/screening'
import type { SyncedWriter } from '../db/synced'
import type { Database } from '../db/schema'
import { contentHash, storedPathOf, type FileStore } from '../screening/intake/file-store'
import { objectName, type FileBucket } from './bucket'

/** What moving files needs: the studio's rows and files, and the workspace's bucket under its organisation. */
export interface TransferDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  store: FileStore
  /** A recording's bytes by its row's path (kept inside the recordings folder). */
  readRecording(relativePath: string): Promise<Buffer>
  bucket: FileBucket
  orgId: string
}

const RESUME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  md: 'text/markdown',
  json: 'application/json',
}
const RECORDING_TYPES = { audio: 'audio/wav', video: 'video/webm' } as const
/** A downloaded recording is kept in the file store under its hash, with the extension its player expects. */
const RECORDING_NAMES = { audio: 'recording.wav', video: 'recording.webm' } as const

/** Where a teammate's recording is kept once fetched, relative to the data folder. */
export const recordingCopyPath = (sha256: string, media: 'audio' | 'video') =>
  storedPathOf(sha256, RECORDING_NAMES[media])

export interface UploadOutcome {
  uploaded: number
  /** Rows whose file is not on this computer (a teammate's import, or a file removed since). */
  missing: number
}

/** Resumes and playable recordings this studio holds that are not in the workspace yet. */
async function unsent(db: Kysely<Database>) {
  const sent = (kind: 'resume' | 'recording') =>
    db.selectFrom('workspace_files').select('source_id').where('kind', '=', kind)
  const resumes = await db
    .selectFrom('resume_files')
    .select(['id', 'candidate_id', 'stored_path', 'content_hash', 'format'])
    .where('deleted_at', 'is', null)
    .where('id', 'not in', sent('resume'))
    .execute()
  const recordings = await db
    .selectFrom('interview_recordings as r')
    .innerJoin('interview_sessions as s', 's.id', 'r.session_id')
    .select([
      'r.id',
      'r.session_id',
      'r.turn_index',
      'r.kind',
      'r.path',
      'r.status',
      'r.duration_ms',
      'r.answer_id',
      's.candidate_id',
    ])
    .where('r.status', 'in', ['complete', 'interrupted'])
    .where('s.deleted_at', 'is', null)
    .where('r.id', 'not in', sent('recording'))
    .execute()
  return { resumes, recordings }
}

async function readLocal(read: () => Promise<Buffer>): Promise<Buffer | null> {
  try {
    return await read()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Puts every resume and recording this studio holds into the workspace, one file at a time: the
 * bytes first, then the synced row that tells teammates they exist, so a row never names a file
 * the bucket lacks. A crash between the two uploads the same bytes again (a duplicate is fine).
 */
export async function uploadMissing(
  deps: TransferDeps,
  progress: (done: number, total: number) => void,
): Promise<UploadOutcome> {
  const { resumes, recordings } = await unsent(deps.db)
  const total = resumes.length + recordings.length
  const outcome: UploadOutcome = { uploaded: 0, missing: 0 }
  const send = async (bytes: Buffer | null, contentType: string, row: (sha256: string) => object) => {
    if (!bytes) {
      outcome.missing++
      return
    }
    const sha256 = contentHash(bytes)
    await deps.bucket.put(objectName(deps.orgId, sha256), bytes, contentType)
    await deps.db.transaction().execute((trx) =>
      deps.writer.insert(trx, 'workspace_files', {
        sha256,
        bytes: bytes.length,
        content_type: contentType,
        session_id: null,
        turn_index: null,
        answer_id: null,
        media: null,
        duration_ms: null,
        recording_status: null,
        ...(row(sha256) as { kind: 'resume' | 'recording'; source_id: string; candidate_id: string }),
      }),
    )
    outcome.uploaded++
    progress(outcome.uploaded + outcome.missing, total)
  }
  for (const resume of resumes) {
    const bytes = await readLocal(() => deps.store.read(resume.stored_path))
    await send(bytes, RESUME_TYPES[resume.format] ?? 'application/octet-stream', () => ({
      kind: 'resume',
      source_id: resume.id,
      candidate_id: resume.candidate_id,
    }))
  }
  for (const recording of recordings) {
    const bytes = await readLocal(() => deps.readRecording(recording.path))
    await send(bytes, RECORDING_TYPES[recording.kind], () => ({
      kind: 'recording',
      source_id: recording.id,
      candidate_id: recording.candidate_id,
      session_id: recording.session_id,
      turn_index: recording.turn_index,
      answer_id: recording.answer_id,
      media: recording.kind,
      duration_ms: recording.duration_ms,
      recording_status: recording.status === 'interrupted' ? 'interrupted' : 'complete',
    }))
  }
  return outcome
}

/** The workspace's bytes, refused unless they are the ones the row names (the row and the bucket are both hostile input). */
async function fetchVerified(deps: TransferDeps, sha256: string, bytes: number): Promise<Buffer | null> {
  const fetched = await deps.bucket.get(objectName(deps.orgId, sha256))
  if (!fetched) return null
  if (fetched.length !== bytes || contentHash(fetched) !== sha256) {
    throw new StudioError('conflict', 'A file from the workspace did not match its record; it was not kept')
  }
  return fetched
}

/**
 * Fetches the resumes teammates put in the workspace that this computer lacks, into the file
 * store where its own imports live. A row whose path is not the store's own for its hash and
 * name is skipped: the file store decides where bytes go, never a synced row.
 */
export async function fetchResumes(
  deps: TransferDeps,
): Promise<{ fetched: number; unavailable: number; refused: number }> {
  const rows = await deps.db
    .selectFrom('workspace_files as w')
    .innerJoin('resume_files as r', 'r.id', 'w.source_id')
    .select(['w.sha256', 'w.bytes', 'r.stored_path', 'r.file_name', 'r.content_hash'])
    .where('w.kind', '=', 'resume')
    .where('w.deleted_at', 'is', null)
    .where('r.deleted_at', 'is', null)
    .execute()
  let fetched = 0
  let unavailable = 0
  let refused = 0
  for (const row of rows) {
    if (row.content_hash !== row.sha256 || deps.store.pathOf(row.sha256, row.file_name) !== row.stored_path) continue
    if (await deps.store.exists(row.stored_path)) continue
    // No import takes a resume this large, so a record that claims one is refused before any byte is fetched.
    if (row.bytes > MAX_RESUME_BYTES) {
      refused++
      continue
    }
    // One file that fails its check is counted and left out; the others still arrive.
    const bytes = await fetchVerified(deps, row.sha256, row.bytes).catch((error: unknown) => {
      if (error instanceof StudioError && error.code === 'conflict') return 'refused' as const
      throw error
    })
    if (bytes === 'refused') {
      refused++
      continue
    }
    if (!bytes) {
      unavailable++
      continue
    }
    await deps.store.put(bytes, row.file_name, row.sha256)
    fetched++
  }
  return { fetched, unavailable, refused }
}

/** A teammate's recording as a file on this computer: fetched once, then kept in the file store. */
export async function recordingCopy(deps: TransferDeps, recordingId: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('workspace_files')
    .select(['sha256', 'bytes', 'media'])
    .where('kind', '=', 'recording')
    .where('source_id', '=', recordingId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row || (row.media !== 'audio' && row.media !== 'video')) return null
  const relativePath = recordingCopyPath(row.sha256, row.media)
  if (await deps.store.exists(relativePath)) return relativePath
  const bytes = await fetchVerified(deps, row.sha256, row.bytes)
  if (!bytes) return null
  return (await deps.store.put(bytes, RECORDING_NAMES[row.media], row.sha256)).relativePath
}
