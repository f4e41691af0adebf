import type { SyncedColumns } from '../db/columns'

/*
 * What the kiosk records. Recordings are local (their files live on this machine only); kiosk
 * events sync, so every recruiter reviewing the interview sees its consent and integrity signals.
 */

export type RecordingStatus = 'recording' | 'complete' | 'interrupted' | 'unreadable'

/** One audio or video file of one answer attempt, under <dataDir>/recordings/<sessionId>/. */
export interface InterviewRecordingsTable {
  id: string
  session_id: string
  turn_index: number
  kind: 'audio' | 'video'
  /** Relative to the data folder, with forward slashes. */
  path: string
  /** recording: open (or left open by a crash until start-up repairs it); interrupted: cut short, repaired and kept. */
  status: RecordingStatus
  /** Audio only. */
  sample_rate: number | null
  bytes: number
  duration_ms: number | null
  /** The interview_answers row this recording belongs to, once the answer was saved. */
  answer_id: string | null
  started_at: number
  ended_at: number | null
}

/** Consent and integrity signals from the kiosk: behavioural facts for a human, never a verdict. */
export interface InterviewKioskEventsTable extends SyncedColumns {
  session_id: string
  kind: string
  turn_index: number | null
  /** Pasted characters, or milliseconds away, depending on the kind. */
  amount: number
  occurred_at: number
}

export interface RecordingTables {
  interview_recordings: InterviewRecordingsTable
  interview_kiosk_events: InterviewKioskEventsTable
}
