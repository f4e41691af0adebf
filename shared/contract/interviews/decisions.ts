import { z } from 'zod'
import type { PipelineStatus } from '../screening/candidates'
import { request } from '../define'
import { id, line } from './fields'

/**
 * The human decision on a finished interview, and the scores a recruiter replaced. Nothing here is
 * ever overwritten: a changed mind is a new decision, a second override of a score is a new
 * override, and each keeps who made it and when.
 */

export const decisionSchema = z.enum(['advance', 'hold', 'reject'])
export type Decision = z.infer<typeof decisionSchema>

/** A per-answer dimension of the assessment, or the overall 0-100 score. */
export const overrideDimensionSchema = z.enum(['relevance', 'completeness', 'clarity', 'depth', 'heuristic'])
export type OverrideDimension = z.infer<typeof overrideDimensionSchema>

const reason = line(3, 1000)

/** Overall scores are 0-100, per-answer scores 1-5, as the assessment gives them. */
export const overrideInputSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('overall'), assessmentId: id, score: z.number().min(0).max(100), reason }).strict(),
  z
    .object({
      target: z.literal('answer'),
      assessmentId: id,
      answerId: id,
      dimension: overrideDimensionSchema,
      score: z.number().int().min(1).max(5),
      reason,
    })
    .strict(),
])
export type OverrideInput = z.infer<typeof overrideInputSchema>

export interface PipelineMoveView {
  applicationId: string
  from: PipelineStatus | null
  to: PipelineStatus
}

export interface DecisionView {
  id: string
  sessionId: string
  assessmentId: string | null
  decision: Decision
  note: string
  author: string
  createdAt: number
  /** The pipeline move the decision made; null when the interview is not linked to a job application. */
  pipeline: PipelineMoveView | null
}

export interface ScoreOverrideView {
  id: string
  assessmentId: string
  /** Null for the overall score. */
  answerId: string | null
  dimension: OverrideDimension | 'overall'
  originalScore: number
  score: number
  reason: string
  author: string
  createdAt: number
}

export interface SessionDecisions {
  sessionId: string
  /** Newest first; the first is the decision that stands. */
  decisions: DecisionView[]
  /** Newest first; for each score the newest override stands. */
  overrides: ScoreOverrideView[]
  /** The candidate's application for the interview's job, and where each decision would move it; null when unlinked. */
  pipeline: { applicationId: string; status: PipelineStatus; moves: Record<Decision, PipelineStatus> } | null
}

export const decisionRequests = {
  'assessments.decisions': request<SessionDecisions>()(z.object({ sessionId: id }).strict()),
  /** Records the decision and moves the candidate's pipeline status in the same transaction. */
  'assessments.decide': request<DecisionView>()(
    z.object({ sessionId: id, decision: decisionSchema, note: z.string().trim().max(2000).default('') }).strict(),
  ),
  'assessments.override': request<ScoreOverrideView>()(overrideInputSchema),
}
