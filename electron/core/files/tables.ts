import type { SyncedColumns } from '../db/columns'

/**
 * One file a studio put in the workspace's storage (file sync, migration 0160): a resume or an
 * answer recording, stored under `<org id>/<sha256>`. The row syncs, so teammates' studios know
 * the file exists and can fetch it; a recording's row carries what the review player lists, since
 * recording rows themselves stay on the computer that recorded them.
 */
export interface WorkspaceFilesTable extends SyncedColumns {
  kind: 'resume' | 'recording'
  /** The resume_files or interview_recordings row the file belongs to. */
  source_id: string
  candidate_id: string
  sha256: string
  bytes: number
  content_type: string
  /** Recordings only. */
  session_id: string | null
  turn_index: number | null
  answer_id: string | null
  media: 'audio' | 'video' | null
  duration_ms: number | null
  /** Recordings only: complete, or interrupted (cut short and repaired). */
  recording_status: 'complete' | 'interrupted' | null
}

export interface FileTables {
  workspace_files: WorkspaceFilesTable
}
