import type { SyncedColumns } from '../../db/columns'

/*
 * A recruiter's decisions and score overrides. Both sync (the team sees who decided what) and are
 * only ever inserted: a changed mind is a new row, so the history of a decision is the table itself.
 */

export interface AssessmentDecisionsTable extends SyncedColumns {
  session_id: string
  /** The newest assessment of the interview when the decision was made; null when none existed yet. */
  assessment_id: string | null
  decision: 'advance' | 'hold' | 'reject'
  /** '' when the recruiter wrote none. */
  note: string
  author: string
  /** The application the decision moved; null when the interview is not linked to one. */
  application_id: string | null
  from_status: string | null
  to_status: string | null
}

/** A score a recruiter replaced, with the score the assessment gave and why it was replaced. */
export interface AssessmentScoreOverridesTable extends SyncedColumns {
  session_id: string
  assessment_id: string
  /** Null for the overall score. */
  answer_id: string | null
  dimension: 'overall' | 'relevance' | 'completeness' | 'clarity' | 'depth' | 'heuristic'
  original_score: number
  score: number
  reason: string
  author: string
}

export interface DecisionTables {
  assessment_decisions: AssessmentDecisionsTable
  assessment_score_overrides: AssessmentScoreOverridesTable
}
