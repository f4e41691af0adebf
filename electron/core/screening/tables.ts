import type { Generated } from 'kysely'
import type { SyncedColumns } from '../db/columns'

/*
 * Screening's tables. Synced tables (SyncedColumns, written through SyncedWriter) hold what a team
 * shares: openings, candidates, their files' metadata, applications, status history and notes.
 * Local tables hold what only this machine can use or recompute: extracted text, per-candidate
 * features, derived scores and the state of an intake batch (paths on this disk).
 */

export interface JobOpeningsTable extends SyncedColumns {
  title: string
  department: string
  location: string
  employment_type: string
  salary_min: number | null
  salary_max: number | null
  salary_currency: string
  description: string
  requirements: string
  /** JSON JobSkill[] */
  required_skills: string
  /** JSON JobSkill[] */
  preferred_skills: string
  min_years: number
  education_level: string
  /** JSON ScoreWeights */
  weights: string
  status: 'open' | 'closed' | 'archived'
}

export interface CandidatesTable extends SyncedColumns {
  name: string
  email: string | null
  phone: string | null
  /** Lower-cased email, for finding the same person again. */
  email_key: string | null
  /** Digits only, at most the last ten, for finding the same person again. */
  phone_key: string | null
  /** JSON string[] */
  links: string
  current_title: string | null
  total_years: number
  education_level: string
  /** JSON string[] */
  tags: string
  /** The resume the candidate is read from: the newest of their files. */
  current_file_id: string | null
}

export interface ResumeFilesTable extends SyncedColumns {
  candidate_id: string
  file_name: string
  content_hash: string
  format: string
  size: number
  /** Relative to the data folder: files/ab/abcdef….pdf */
  stored_path: string
  /** The file's own modification time when known, else the import time: decides which file is newer. */
  file_time: number
  pages: number
  /** JSON ContentFlag[] */
  flags: string
}

export interface ApplicationsTable extends SyncedColumns {
  job_id: string
  candidate_id: string
  status: string
}

export interface StatusChangesTable extends SyncedColumns {
  application_id: string
  from_status: string | null
  to_status: string
  kind: 'import' | 'set' | 'undo'
  /** The signed-in account that made the move; null for the studio's own moves and before sign-in. */
  actor: string | null
}

export interface CandidateNotesTable extends SyncedColumns {
  candidate_id: string
  job_id: string | null
  body: string
}

export interface ResumeDocumentsTable {
  file_id: string
  text: string
  hidden_text: string
  /** JSON ParsedResume */
  parsed: string
}

/** The visible line that proves each of a candidate's skills, beside their features (read by the detail view only). */
export interface CandidateEvidenceTable {
  candidate_id: string
  /** JSON { [skillId]: evidence line } */
  skill_evidence: string
}

/** What scoring needs about a candidate, precomputed so ranking is arithmetic. */
export interface CandidateFeaturesTable {
  candidate_id: string
  file_id: string
  /** `|id|id|` so a skill filter is one LIKE. */
  skill_ids: string
  total_years: number
  education_rank: number
  doc_length: number
  /** Packed term frequencies, see scoring/term-vector.ts. */
  terms: Buffer
  /** Optional embedding of the resume text (Float32 little-endian), when the embeddings signal ran. */
  embedding: Buffer | null
  embedding_model: string | null
  updated_at: number
}

export interface ApplicationScoresTable {
  application_id: string
  job_id: string
  candidate_id: string
  score: number
  /** Embeddings similarity 0..1, an extra signal beside the score; null until that signal has run. */
  semantic: number | null
  /** JSON { [part]: value 0..1 } */
  parts: string
  /** JSON string[] of skill names */
  matched: string
  /** JSON string[] of skill names */
  missing: string
  /** The share of the posting the resume copied word for word, when enough to be a copy; else null. */
  copied_posting: number | null
  computed_at: number
}

/** The job's own embedding, keyed by the hash of the text it was made from so an edit makes it stale. */
export interface JobEmbeddingsTable {
  job_id: string
  text_hash: string
  model: string
  vector: Buffer
  updated_at: number
}

export interface IntakeBatchesTable {
  id: string
  job_id: string | null
  queue_job_id: string | null
  status: 'queued' | 'running' | 'done' | 'cancelled' | 'failed'
  total: number
  created_at: number
  updated_at: number
}

export interface IntakeItemsTable {
  id: Generated<number>
  batch_id: string
  name: string
  /** A path on this machine (dialog, drag and drop, CLI) … */
  source_path: string | null
  /** … or the hash of uploaded bytes already in the file store. */
  staged_hash: string | null
  size: number
  /** The file's modification time as the renderer reported it (uploads); paths are stat'ed when read. */
  file_time: number | null
  /** 1: the recruiter chose to import it although it was refused as not a resume ("Import anyway"). */
  accept_non_resume: Generated<number>
  outcome: 'pending' | 'imported' | 'duplicate' | 'refused' | 'cancelled'
  reason: string | null
  message: string | null
  candidate_id: string | null
  updated_at: number
}

export interface ScreeningTables {
  job_openings: JobOpeningsTable
  candidates: CandidatesTable
  resume_files: ResumeFilesTable
  applications: ApplicationsTable
  status_changes: StatusChangesTable
  candidate_notes: CandidateNotesTable
  resume_documents: ResumeDocumentsTable
  candidate_features: CandidateFeaturesTable
  candidate_evidence: CandidateEvidenceTable
  application_scores: ApplicationScoresTable
  job_embeddings: JobEmbeddingsTable
  intake_batches: IntakeBatchesTable
  intake_items: IntakeItemsTable
}
