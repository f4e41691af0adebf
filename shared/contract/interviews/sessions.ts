import { z } from 'zod'
import { request } from '../define'
import { id } from './fields'
import type { SessionDetail, SessionSummary } from './views'

/** Interview sessions: what a candidate took at the kiosk, for the recruiter to review. */

export const sessionStatusSchema = z.enum(['in_progress', 'completed', 'abandoned'])
export type SessionStatus = z.infer<typeof sessionStatusSchema>

/** adaptive: AI evaluation, follow-ups and stage-by-stage selection; scripted: template order, no AI. */
export const interviewModeSchema = z.enum(['adaptive', 'scripted'])
export type InterviewMode = z.infer<typeof interviewModeSchema>

export const finishReasonSchema = z.enum([
  'completed',
  'boundary_found',
  'question_limit',
  'time_limit',
  'candidate_finished',
  'abandoned',
])
export type FinishReason = z.infer<typeof finishReasonSchema>

export const sessionRequests = {
  'sessions.list': request<SessionSummary[]>()(
    z
      .object({
        templateId: id.optional(),
        status: z.union([sessionStatusSchema, z.literal('all')]).default('all'),
      })
      .strict(),
  ),
  'sessions.get': request<SessionDetail>()(z.object({ id }).strict()),
}
