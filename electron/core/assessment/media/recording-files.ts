import path from 'node:path'
import type { Kysely } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { RecordingFile, RecordingView } from '../../../../shared/contract/interviews/recordings'
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
  return rows.map((row) => ({
    id: row.id,
    turnIndex: row.turn_index,
    answerId: row.answer_id,
    kind: row.kind,
    status: row.status === 'interrupted' ? 'interrupted' : 'complete',
    durationMs: row.duration_ms,
    bytes: row.bytes,
    contentType: CONTENT_TYPES[row.kind],
  }))
}

/** The file behind one playable recording, kept inside the recordings folder whatever its row says. */
export async function recordingFile(
  db: Kysely<Database>,
  dataDir: string,
  recordingId: string,
): Promise<RecordingFile> {
  const row = await db
    .selectFrom('interview_recordings')
    .select(['kind', 'path'])
    .where('id', '=', recordingId)
    .where('status', 'in', ['complete', 'interrupted'])
    .executeTakeFirst()
  if (!row) throw new StudioError('not_found', 'This recording is not available')
  const root = path.resolve(dataDir, RECORDINGS_DIR)
  const absolutePath = path.resolve(dataDir, row.path)
  if (!absolutePath.startsWith(root + path.sep)) throw new StudioError('not_found', 'This recording is not available')
  return { absolutePath, contentType: CONTENT_TYPES[row.kind] }
}
