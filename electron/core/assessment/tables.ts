import type { SyncedColumns } from '../db/columns'

/*
 * Assessment tables. All sync: every recruiter reviewing an interview sees the same evidence. A run
 * is never updated after it is written; a re-run adds rows, so earlier assessments stay comparable.
 */

export interface AssessmentsTable extends SyncedColumns {
  session_id: string
  /** `<session>:<request>:<kind>`: one row per assessment request and kind, whatever the queue retries. */
  run_key: string
  kind: 'ai' | 'offline'
  /** `template:<id>@v<version>/overall.v1`: the rubric judged against and the scoring formula. */
  rubric_version: string
  prompt_version: string | null
  model: string | null
  temperature: number | null
  overall_score: number
  formula: string
  recommendation: 'hire' | 'consider' | 'reject' | null
  /** JSON ClaimView[] */
  strengths: string
  /** JSON ClaimView[] */
  weaknesses: string
  /** JSON string[] */
  next_steps: string
  /** JSON SkillScoreView[] */
  skills: string
  /** JSON SkillBoundaryView[] */
  boundaries: string
  /** JSON ConsistencyView[] */
  consistency: string
  /** JSON PassUsageView[] with costs in nano-dollars (costNano). */
  passes: string
  cost_nano: number
}

/** One dimension of one answer in one assessment. */
export interface AssessmentAnswerScoresTable extends SyncedColumns {
  assessment_id: string
  answer_id: string
  turn_index: number
  question_text: string
  skill: string
  is_follow_up: number
  skipped: number
  dimension: 'relevance' | 'completeness' | 'clarity' | 'depth' | 'heuristic'
  score: number
  reason: string
  /** JSON EvidenceQuote[], verified against the transcript. */
  quotes: string
  supported: number
  dropped_quotes: number
}

/** Behavioural facts for a human, kept with the assessment they were shown beside; never scored. */
export interface AssessmentIntegritySignalsTable extends SyncedColumns {
  assessment_id: string
  session_id: string
  kind: string
  severity: 'low' | 'medium' | 'high'
  turn_index: number | null
  evidence: string
  occurred_at: number | null
}

export interface AssessmentTables {
  assessments: AssessmentsTable
  assessment_answer_scores: AssessmentAnswerScoresTable
  assessment_integrity_signals: AssessmentIntegritySignalsTable
}
