import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Handler } from '../../ipc/dispatcher'
import { listRecordings, recordingFile } from './recording-files'

export interface RecordingHandlers {
  'assessments.recordings': Handler<'assessments.recordings'>
  'assessments.recordingFile': Handler<'assessments.recordingFile'>
}

/** An interview's recordings for review; the hosts serve the bytes themselves, to the recruiter only. */
export function recordingHandlers(deps: {
  db: Kysely<Database>
  dataDir: string
  /** A teammate's recording, fetched from the workspace's files (file sync). */
  workspaceRecording?: (recordingId: string) => Promise<string | null>
}): RecordingHandlers {
  return {
    'assessments.recordings': ({ sessionId }) => listRecordings(deps.db, sessionId),
    'assessments.recordingFile': ({ recordingId }) =>
      recordingFile(deps.db, deps.dataDir, recordingId, deps.workspaceRecording),
  }
}
