import type { ColumnType } from 'kysely'
import type { InvitationKind } from '../../../shared/contract/interviews'
import type { SyncedColumns } from '../db/columns'

/*
 * Interview tables. Synced tables (SyncedColumns, written through SyncedWriter) hold what a team
 * shares: templates, questions, invitations, sessions and answers. Local tables hold what only
 * this machine uses: the engine's working state and kiosk token, the kiosk codes it issued in
 * plain text, and the question-generation cache.
 */

export interface InterviewTemplatesTable extends SyncedColumns {
  name: string
  description: string
  /** A job_openings id (owned by screening); null for a general template. */
  job_id: string | null
  status: 'draft' | 'active' | 'archived'
  /** JSON TemplateSettings */
  settings: string
  version: number
  published_at: number | null
}

export interface InterviewQuestionsTable extends SyncedColumns {
  template_id: string
  position: number
  type: string
  text: string
  skill: string
  difficulty: string
  time_limit_sec: number
  prep_time_sec: number
  retakes_allowed: number
  /** JSON RubricCriterion[] */
  rubric: string
  /** JSON string[] */
  expected_points: string
  source: 'manual' | 'generated'
}

export interface InterviewInvitationsTable extends SyncedColumns {
  template_id: string
  /** A candidates id (owned by screening), with the name as it was when invited. */
  candidate_id: string
  candidate_name: string
  /** SHA-256 of the normalised code; the code itself never syncs. */
  code_hash: string
  status: 'pending' | 'started' | 'completed' | 'expired' | 'cancelled'
  expires_at: number
  scheduled_at: number | null
  started_at: number | null
  completed_at: number | null
  session_id: string | null
  /** The applications row (job + candidate) this interview belongs to; null for a template without a job. */
  application_id: ColumnType<string | null, string | null | undefined, string | null>
  kind: ColumnType<InvitationKind, InvitationKind | undefined, InvitationKind>
  /** The room, phone number or meeting link; null when the kiosk is the place. */
  location: ColumnType<string | null, string | null | undefined, string | null>
}

/** One row per schedule an invitation has had: the first, each reschedule, and its cancellation. */
export interface InvitationChangesTable extends SyncedColumns {
  invitation_id: string
  change: 'created' | 'rescheduled' | 'cancelled'
  scheduled_at: number | null
  expires_at: number
  location: string | null
}

/** Codes this machine issued, so the recruiter can read them again here. Never synced. */
export interface InvitationCodesTable {
  invitation_id: string
  code: string
}

export interface InterviewSessionsTable extends SyncedColumns {
  invitation_id: string
  template_id: string
  template_version: number
  candidate_id: string
  candidate_name: string
  mode: 'adaptive' | 'scripted'
  status: 'in_progress' | 'completed' | 'abandoned'
  stage: string
  answered_count: number
  started_at: number
  last_activity_at: number
  finished_at: number | null
  finish_reason: string | null
  /** JSON SkillBoundaryView[] as of the last turn. */
  skills: string
}

/** The engine's whole working state, rewritten in the transaction of every turn. */
export interface InterviewSessionStateTable {
  session_id: string
  /** JSON EngineState (see engine/state.ts) */
  state: string
  /** Optimistic concurrency: every write checks and raises it. */
  version: number
  /** SHA-256 of the kiosk's session token. */
  token_hash: string
  updated_at: number
}

export interface InterviewAnswersTable extends SyncedColumns {
  session_id: string
  turn_index: number
  question_id: string | null
  question_text: string
  question_type: string
  stage: string
  skill: string
  is_follow_up: number
  input_mode: 'voice' | 'text'
  text: string
  /** JSON TranscriptWord[] */
  transcript_words: string
  audio_path: string | null
  started_at: number
  ended_at: number
  response_delay_ms: number
  speech_ms: number
  /** JSON { startMs, durationMs }[] */
  pauses: string
  pasted_chars: number
  skipped: number
  quality: number | null
  quality_source: 'ai' | 'heuristic' | null
  /** JSON AnswerEvaluation */
  evaluation: string | null
}

/** Generated questions by request, so the same job, difficulty and resume never pay twice. */
export interface QuestionGenerationCacheTable {
  cache_key: string
  job_id: string
  difficulty: string
  resume_hash: string | null
  prompt_version: string
  /** JSON GeneratedQuestion[] */
  questions: string
  created_at: number
}

export interface InterviewTables {
  interview_templates: InterviewTemplatesTable
  interview_questions: InterviewQuestionsTable
  interview_invitations: InterviewInvitationsTable
  invitation_codes: InvitationCodesTable
  invitation_changes: InvitationChangesTable
  interview_sessions: InterviewSessionsTable
  interview_session_state: InterviewSessionStateTable
  interview_answers: InterviewAnswersTable
  question_generation_cache: QuestionGenerationCacheTable
}
