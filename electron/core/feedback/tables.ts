import type { FeedbackBasis, FeedbackStatus } from '../../../shared/contract/feedback'

/*
 * Feedback drafts. Local only, like the mail log they end in: the draft, its review and its email
 * happen on the machine that sends it.
 */

export interface FeedbackDraftsTable {
  id: string
  candidate_id: string
  application_id: string | null
  session_id: string | null
  basis: FeedbackBasis
  job_title: string
  source: 'ai' | 'template'
  source_note: string | null
  /** The prompt and model of an AI draft, so it can be explained; null for a template. */
  prompt_ref: string | null
  model: string | null
  status: FeedbackStatus
  to_address: string | null
  subject: string
  body: string
  created_at: number
  updated_at: number
  auto_send_at: number | null
  held_reason: string | null
  delivery_id: string | null
}

export interface FeedbackTables {
  feedback_drafts: FeedbackDraftsTable
}
