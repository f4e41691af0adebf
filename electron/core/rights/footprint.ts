import crypto from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { recordingCopyPath } from '../files/transfer'

type Db = Kysely<Database> | Transaction<Database>

/** One kind of row that names the candidate: the table, the key deleted by, and those keys. */
export interface FootprintPart {
  kind: string
  table: string
  /** The column the keys are matched against (the primary key, or the owning row's id). */
  column: string
  keys: string[]
  /** A synced table: its deletes leave a tombstone in the change log. */
  synced: boolean
}

/** Everything stored about one candidate: rows by kind and files relative to the data folder. */
export interface Footprint {
  candidateId: string
  parts: FootprintPart[]
  /** Session ids whose recordings folders go too. */
  sessionIds: string[]
  /** Files to remove after the rows are gone (resumes no other candidate shares, recordings, answer audio). */
  files: string[]
  /** SHA-256 of the candidate's files in the workspace's storage (file sync), to remove there too. */
  workspaceObjects: string[]
}

async function column(db: Db, table: string, select: string, where: string, values: readonly string[]) {
  if (!values.length) return []
  const rows = await sql<{ value: string | null }>`select ${sql.ref(select)} as value from ${sql.table(table)}
    where ${sql.ref(where)} in (${sql.join(values)})`.execute(db)
  return [...new Set(rows.rows.map((r) => r.value).filter((v): v is string => v !== null))]
}

/** Queue jobs, webhook events and applied effects are keyed by free text; these find the ones that name an id. */
async function mentioning(db: Db, table: string, key: string, textColumn: string, ids: readonly string[]) {
  if (!ids.length) return []
  const rows = await sql<{ key: string | number }>`select ${sql.ref(key)} as key from ${sql.table(table)}
    where ${sql.join(
      ids.map((id) => sql`instr(${sql.ref(textColumn)}, ${id}) > 0`),
      sql` or `,
    )}`.execute(db)
  return rows.rows.map((r) => String(r.key))
}

/**
 * Finds every row and file that belongs to one candidate. The same function serves the preview
 * and the deletion, so the confirmation lists exactly what the deletion removes.
 */
export async function candidateFootprint(db: Db, candidateId: string): Promise<Footprint> {
  const c = [candidateId]
  const applications = await column(db, 'applications', 'id', 'candidate_id', c)
  const resumeFiles = await column(db, 'resume_files', 'id', 'candidate_id', c)
  const currentFile = await column(db, 'candidates', 'current_file_id', 'id', c)
  const fileIds = [...new Set([...resumeFiles, ...currentFile])]
  const invitations = await column(db, 'interview_invitations', 'id', 'candidate_id', c)
  const sessions = await column(db, 'interview_sessions', 'id', 'candidate_id', c)
  const answers = await column(db, 'interview_answers', 'id', 'session_id', sessions)
  const assessments = await column(db, 'assessments', 'id', 'session_id', sessions)
  const everyId = [candidateId, ...applications, ...invitations, ...sessions, ...answers, ...assessments]
  const webhookEvents = await mentioning(db, 'webhook_events', 'id', 'payload', everyId)
  const webhookDeliveries = await column(db, 'webhook_deliveries', 'id', 'event_id', webhookEvents)
  // Emails to the candidate and feedback drafts about them: their queue jobs name these ids, not the candidate.
  const mailDeliveries = await column(db, 'mail_deliveries', 'id', 'candidate_id', c)
  const feedbackDrafts = await column(db, 'feedback_drafts', 'id', 'candidate_id', c)
  // Questions generated from their resume are cached under the hash of its text (interviews/generation).
  const resumeHashes = (await column(db, 'resume_documents', 'text', 'file_id', fileIds)).map((text) =>
    crypto.createHash('sha256').update(text).digest('hex'),
  )

  const part = (kind: string, table: string, col: string, keys: string[], synced: boolean): FootprintPart => ({
    kind,
    table,
    column: col,
    keys,
    synced,
  })
  const synced = async (kind: string, table: string, by: string, values: string[]) =>
    part(kind, table, 'id', await column(db, table, 'id', by, values), true)
  const parts: FootprintPart[] = [
    part('candidate', 'candidates', 'id', await column(db, 'candidates', 'id', 'id', c), true),
    part('applications', 'applications', 'id', applications, true),
    await synced('status changes', 'status_changes', 'application_id', applications),
    await synced('notes', 'candidate_notes', 'candidate_id', c),
    await synced('workspace files', 'workspace_files', 'candidate_id', c),
    part('resume files', 'resume_files', 'id', resumeFiles, true),
    part(
      'resume texts',
      'resume_documents',
      'file_id',
      await column(db, 'resume_documents', 'file_id', 'file_id', fileIds),
      false,
    ),
    part(
      'skill features',
      'candidate_features',
      'candidate_id',
      await column(db, 'candidate_features', 'candidate_id', 'candidate_id', c),
      false,
    ),
    part(
      'skill evidence',
      'candidate_evidence',
      'candidate_id',
      await column(db, 'candidate_evidence', 'candidate_id', 'candidate_id', c),
      false,
    ),
    part(
      'scores',
      'application_scores',
      'application_id',
      await column(db, 'application_scores', 'application_id', 'candidate_id', c),
      false,
    ),
    part(
      'self-identification',
      'self_identifications',
      'candidate_id',
      await column(db, 'self_identifications', 'candidate_id', 'candidate_id', c),
      false,
    ),
    part(
      'import records',
      'intake_items',
      'candidate_id',
      await column(db, 'intake_items', 'candidate_id', 'candidate_id', c),
      false,
    ),
    part('invitations', 'interview_invitations', 'id', invitations, true),
    part(
      'invitation codes',
      'invitation_codes',
      'invitation_id',
      await column(db, 'invitation_codes', 'invitation_id', 'invitation_id', invitations),
      false,
    ),
    await synced('invitation changes', 'invitation_changes', 'invitation_id', invitations),
    part('interviews', 'interview_sessions', 'id', sessions, true),
    part(
      'interview states',
      'interview_session_state',
      'session_id',
      await column(db, 'interview_session_state', 'session_id', 'session_id', sessions),
      false,
    ),
    part('answers', 'interview_answers', 'id', answers, true),
    part(
      'recordings',
      'interview_recordings',
      'id',
      await column(db, 'interview_recordings', 'id', 'session_id', sessions),
      false,
    ),
    await synced('kiosk events', 'interview_kiosk_events', 'session_id', sessions),
    part('assessments', 'assessments', 'id', assessments, true),
    await synced('answer scores', 'assessment_answer_scores', 'assessment_id', assessments),
    await synced('integrity signals', 'assessment_integrity_signals', 'session_id', sessions),
    await synced('decisions', 'assessment_decisions', 'session_id', sessions),
    await synced('score overrides', 'assessment_score_overrides', 'session_id', sessions),
    part('AI usage', 'ai_usage', 'seq', await column(db, 'ai_usage', 'seq', 'interview_id', sessions), false),
    part(
      'generated questions',
      'question_generation_cache',
      'cache_key',
      await column(db, 'question_generation_cache', 'cache_key', 'resume_hash', resumeHashes),
      false,
    ),
    // A webhook delivery's job names the delivery, not the candidate.
    part(
      'queue jobs',
      'jobs',
      'id',
      await mentioning(db, 'jobs', 'id', 'payload', [
        ...everyId,
        ...webhookDeliveries,
        ...mailDeliveries,
        ...feedbackDrafts,
      ]),
      false,
    ),
    part(
      'applied effects',
      'applied_effects',
      'key',
      await mentioning(db, 'applied_effects', 'key', 'key', everyId),
      false,
    ),
    part(
      'webhook attempts',
      'webhook_attempts',
      'delivery_id',
      await column(db, 'webhook_attempts', 'delivery_id', 'delivery_id', webhookDeliveries),
      false,
    ),
    part('webhook deliveries', 'webhook_deliveries', 'id', webhookDeliveries, false),
    part('webhook events', 'webhook_events', 'id', webhookEvents, false),
    part('emails', 'mail_deliveries', 'id', mailDeliveries, false),
    part('feedback', 'feedback_drafts', 'id', feedbackDrafts, false),
  ]
  return {
    candidateId,
    parts: parts.filter((p) => p.keys.length),
    sessionIds: sessions,
    files: await ownFiles(db, candidateId, sessions),
    workspaceObjects: await column(db, 'workspace_files', 'sha256', 'candidate_id', c),
  }
}

/** Resume files no other candidate also points at (the store keeps equal bytes once), recordings and answer audio. */
async function ownFiles(db: Db, candidateId: string, sessions: string[]): Promise<string[]> {
  const resumes = await sql<{ stored_path: string }>`select distinct stored_path from resume_files r
    where candidate_id = ${candidateId} and not exists (
      select 1 from resume_files o where o.stored_path = r.stored_path and o.candidate_id != ${candidateId})`.execute(
    db,
  )
  const recordings = await column(db, 'interview_recordings', 'path', 'session_id', sessions)
  const audio = await column(db, 'interview_answers', 'audio_path', 'session_id', sessions)
  // A teammate's recordings fetched here are kept in the file store under their hash (files/transfer.ts).
  const fetched = await sql<{ sha256: string; media: string }>`select sha256, media from workspace_files
    where candidate_id = ${candidateId} and kind = 'recording'`.execute(db)
  const copies = fetched.rows.map((r) => recordingCopyPath(r.sha256, r.media === 'video' ? 'video' : 'audio'))
  return [...new Set([...resumes.rows.map((r) => r.stored_path), ...recordings, ...audio, ...copies])]
}
