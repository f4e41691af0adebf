import { z } from 'zod'
import { request } from '../define'
import { id } from './fields'
import type { SkillBoundaryView } from './views'

/**
 * Assessments of finished interviews: evidence for a human decision, never the decision itself.
 * Every score cites words the app found in the transcript; a run is never overwritten, so an
 * earlier assessment stays beside a re-run for comparison.
 */

export const assessmentDimensionSchema = z.enum(['relevance', 'completeness', 'clarity', 'depth'])
export type AssessmentDimension = z.infer<typeof assessmentDimensionSchema>

/** `ai`: the model's passes, quotes verified; `offline`: the heuristic scorer, made when no AI was reachable. */
export const assessmentKindSchema = z.enum(['ai', 'offline'])
export type AssessmentKind = z.infer<typeof assessmentKindSchema>

/** Advisory only: a recruiter decides. */
export const recommendationSchema = z.enum(['hire', 'consider', 'reject'])
export type Recommendation = z.infer<typeof recommendationSchema>

export const integritySeveritySchema = z.enum(['low', 'medium', 'high'])
export type IntegritySeverity = z.infer<typeof integritySeveritySchema>

export const integritySignalKindSchema = z.enum([
  'answer_latency_outlier',
  'silence_then_fluent',
  'focus_loss',
  'pasted_answer',
  'retake_used',
  'kiosk_window',
])
export type IntegritySignalKind = z.infer<typeof integritySignalKindSchema>

/** A quote the app found in the transcript of the answer it names (null: the resume). */
export interface EvidenceQuote {
  turnIndex: number | null
  text: string
}

export interface DimensionScoreView {
  /** A heuristic row (offline) has the dimension `heuristic`. */
  dimension: AssessmentDimension | 'heuristic'
  /** 1..5 */
  score: number
  reason: string
  quotes: EvidenceQuote[]
  /** False when no quoted words could be found in the transcript: the score stands unbacked. */
  supported: boolean
  /** Quotes the model gave that are not in the transcript, dropped. */
  droppedQuotes: number
}

export interface AnswerScoreView {
  answerId: string
  turnIndex: number
  questionText: string
  skill: string
  isFollowUp: boolean
  skipped: boolean
  scores: DimensionScoreView[]
}

export interface SkillScoreView {
  skill: string
  /** 1..5 */
  score: number
  reason: string
  quotes: EvidenceQuote[]
  supported: boolean
}

export interface ClaimView {
  text: string
  quotes: EvidenceQuote[]
  supported: boolean
}

export interface ConsistencyView extends ClaimView {
  kind: 'consistent' | 'contradiction' | 'resume_mismatch'
}

export interface PassUsageView {
  pass: 'per_answer' | 'across' | 'overall'
  promptVersion: string
  calls: number
  inputTokens: number
  outputTokens: number
  costUsd: number
}

export interface IntegritySignalView {
  kind: IntegritySignalKind
  severity: IntegritySeverity
  turnIndex: number | null
  /** What happened, in numbers a recruiter can check against the recording. */
  evidence: string
  occurredAt: number | null
}

export interface AssessmentView {
  id: string
  sessionId: string
  kind: AssessmentKind
  createdAt: number
  /** The template version whose rubric the answers were judged against, and the scoring formula's version. */
  rubricVersion: string
  /** The per-answer prompt; each pass names its own in `passes`. */
  promptVersion: string | null
  model: string | null
  temperature: number | null
  /** 0..100 */
  overallScore: number
  /** The formula written out, with the figures that went into it. */
  formula: string
  /** Advisory; null for an offline assessment (a heuristic is not enough to recommend on). */
  recommendation: Recommendation | null
  strengths: ClaimView[]
  weaknesses: ClaimView[]
  nextSteps: string[]
  answers: AnswerScoreView[]
  skills: SkillScoreView[]
  /** From the interview engine's stages: where the candidate's knowledge ran out. */
  boundaries: SkillBoundaryView[]
  consistency: ConsistencyView[]
  passes: PassUsageView[]
  costUsd: number
  integrity: IntegritySignalView[]
}

export interface AssessmentJobView {
  jobId: string
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'dead' | 'cancelled'
  attempts: number
  lastError: string | null
}

export interface SessionAssessments {
  sessionId: string
  latest: AssessmentView | null
  /** Earlier runs, newest first, kept for comparison. */
  earlier: AssessmentView[]
  /** The newest assessment job for the session (an AI run waiting for a key shows here). */
  job: AssessmentJobView | null
  /** Computed from the session now, so they show even before any assessment exists. */
  integrity: IntegritySignalView[]
}

export const assessmentRequests = {
  'assessments.get': request<SessionAssessments>()(z.object({ sessionId: id }).strict()),
  /** Queues a new AI assessment of a finished interview; earlier ones are kept. */
  'assessments.rerun': request<{ jobId: string }>()(z.object({ sessionId: id }).strict()),
}
