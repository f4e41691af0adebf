import type { Kysely } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { RecordingFile, RecordingView } from '../../../../shared/contract/interviews/recordings'
import { pathInside } from '../../data-folder/inside'
import type { Database } from '../../db/schema'
import { RECORDINGS_DIR } from '../../recording/recordings-store'

/** The kiosk writes WAV for audio and MediaRecorder's WebM for video. */
const CONTENT_TYPES = { audio: 'audio/wav', video: 'video/webm' } as const

/**
 * Recordings a reviewer can play: finished ones and those a crash cut short (repaired, playable to
 * where they stop). One still being written or found unreadable is left out.
 */
export async function listRecordings(db: Kysely<Database>, sessionId: string): Promise<RecordingView[]> {
  const rows = await db
    .selectFrom('interview_recordings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', 'in', ['complete', 'interrupted'])
    .orderBy('turn_index')
    .orderBy('started_at')
    .execute()
  const local = rows.map((row): RecordingView => ({
    id: row.id,
    turnIndex: row.turn_index,
    answerId: row.answer_id,
    kind: row.kind,
    status: row.status === 'interrupted' ? 'interrupted' : 'complete',
    durationMs: row.duration_ms,
    bytes: row.bytes,
    contentType: CONTENT_TYPES[row.kind],
  }))
  return [...local, ...(await workspaceRecordings(db, sessionId, new Set(rows.map((row) => row.id))))].sort(
    (a, b) => a.turnIndex - b.turnIndex,
  )
}

/** Recordings a teammate's studio made and put in the workspace (file sync): listed here, fetched when played. */
async function workspaceRecordings(
  db: Kysely<Database>,
  sessionId: string,
  localIds: ReadonlySet<string>,
): Promise<RecordingView[]> {
  const rows = await db
    .selectFrom('workspace_files')
    .selectAll()
    .where('kind', '=', 'recording')
    .where('session_id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .orderBy('turn_index')
    .execute()
  return rows
    .filter((row) => !localIds.has(row.source_id) && (row.media === 'audio' || row.media === 'video'))
    .map((row) => ({
      id: row.source_id,
      turnIndex: row.turn_index ?? 0,
      answerId: row.answer_id,
      kind: row.media as 'audio' | 'video',
      status: row.recording_status === 'interrupted' ? 'interrupted' : 'complete',
      durationMs: row.duration_ms,
      bytes: row.bytes,
      contentType: CONTENT_TYPES[row.media as 'audio' | 'video'],
    }))
}

/**
 * The file behind one playable recording, kept inside the recordings folder whatever its row says.
 * A teammate's recording comes through `fromWorkspace`, which fetches it into the file store once.
 */
export async function recordingFile(
  db: Kysely<Database>,
  dataDir: string,
  recordingId: string,
  fromWorkspace?: (recordingId: string) => Promise<string | null>,
): Promise<RecordingFile> {
  const row = await db
    .selectFrom('interview_recordings')
    .select(['kind', 'path'])
    .where('id', '=', recordingId)
    .where('status', 'in', ['complete', 'interrupted'])
    .executeTakeFirst()
  if (!row) return workspaceRecordingFile(db, dataDir, recordingId, fromWorkspace)
  return { absolutePath: inside(dataDir, RECORDINGS_DIR, row.path), contentType: CONTENT_TYPES[row.kind] }
}

async function workspaceRecordingFile(
  db: Kysely<Database>,
  dataDir: string,
  recordingId: string,
  fromWorkspace?: (recordingId: string) => Promise<string | null>,
): Promise<RecordingFile> {
  const shared = await db
    .selectFrom('workspace_files')
    .select('media')
    .where('kind', '=', 'recording')
    .where('source_id', '=', recordingId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  const relative = shared && fromWorkspace ? await fromWorkspace(recordingId) : null
  if (!shared || !relative || (shared.media !== 'audio' && shared.media !== 'video')) {
    throw new StudioError('not_found', 'This recording is not available')
  }
  return { absolutePath: inside(dataDir, 'files', relative), contentType: CONTENT_TYPES[shared.media] }
}

function inside(dataDir: string, folder: string, relative: string): string {
  const absolutePath = pathInside(dataDir, folder, relative)
  if (!absolutePath) throw new StudioError('not_found', 'This recording is not available')
  return absolutePath
}
