import type { Transaction } from 'kysely'
import { z } from 'zod'
import { StudioError } from '../../../shared/contract/errors'
import { AiError, type AiErrorKind } from '../ai/errors'
import { UNMETERED, type QuotaGate } from '../billing/types'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import type { OutgoingEvents } from '../outgoing-events'
import { defineJob, PermanentJobError, type JobContext } from '../queue/types'
import { runAiAssessment, type AiRunDeps } from './ai-run'
import { declinedAiInterview } from '../../../shared/consent-choice'
import { ALTERNATIVE_NOT_SCORED } from './consent/alternative-process'
import { readConsentRecord } from './consent/consent-record'
import type { AssessmentDraft } from './draft'
import { offlineAssessment } from './offline-run'
import { insertAssessment } from './store'
import { loadSubject, type AssessmentSubject } from './subject'

export const ASSESSMENT_JOB = 'assessment.run'

export const assessmentPayloadSchema = z.object({
  sessionId: z.string().min(1).max(64),
  /** `first` for the assessment queued when the interview ended; a fresh id for each re-run. */
  request: z.string().min(1).max(64),
})
export type AssessmentPayload = z.infer<typeof assessmentPayloadSchema>

export const assessmentJobKey = (payload: AssessmentPayload) =>
  `${ASSESSMENT_JOB}:${payload.sessionId}:${payload.request}`

/** The stored run's unique key: `first` is every session's first request, so the session is part of it. */
const runKey = (payload: AssessmentPayload, kind: 'ai' | 'offline') => `${payload.sessionId}:${payload.request}:${kind}`

/** Failures that mean "no AI right now": the offline assessment stands in and the job waits for AI. */
const AI_AWAY: ReadonlySet<AiErrorKind> = new Set([
  'not_configured',
  'auth',
  'network',
  'timeout',
  'server',
  'rate_limit',
  'circuit_open',
])

export interface AssessmentJobDeps extends Omit<AiRunDeps, 'chat' | 'db' | 'model'> {
  writer: SyncedWriter
  outgoing: OutgoingEvents
  /** The chat capability, or null when there is no key, no network or the circuit is open. */
  chat(): AiRunDeps['chat'] | null
  chatModel(): string
  /** A team workspace's AI quota: each AI assessment counts as one unit of AI screening. */
  quota?: QuotaGate
}

/** Stores a run and, in the same transaction, announces it (assessment.ready): a summary, never its integrity signals. */
async function storeAndAnnounce(
  deps: AssessmentJobDeps,
  trx: Transaction<Database>,
  payload: AssessmentPayload,
  kind: 'ai' | 'offline',
  draft: AssessmentDraft,
) {
  const assessmentId = await insertAssessment(trx, deps.writer, payload.sessionId, runKey(payload, kind), draft)
  await deps.outgoing.record(trx, {
    type: 'assessment.ready',
    data: {
      assessmentId,
      sessionId: payload.sessionId,
      kind: draft.kind,
      overallScore: draft.overallScore,
      recommendation: draft.recommendation,
    },
  })
}

/** Until a session has any assessment, a labelled offline one is better than none. */
async function storeOfflineOnce(
  deps: AssessmentJobDeps,
  ctx: JobContext,
  payload: AssessmentPayload,
  subject: AssessmentSubject,
) {
  await ctx.applyOnce(`${assessmentJobKey(payload)}:offline`, async (trx) => {
    const existing = await trx
      .selectFrom('assessments')
      .select('id')
      .where('session_id', '=', payload.sessionId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!existing) {
      await storeAndAnnounce(deps, trx, payload, 'offline', offlineAssessment(subject))
    }
  })
}

const WAITING =
  'No AI is reachable (no key, no network, or the provider keeps failing); the AI assessment will run when it is'

/**
 * Assesses a finished interview. At-least-once like every job: the passes may run again after a
 * crash, but the assessment is stored exactly once per request (applyOnce, and a unique run key).
 */
export function assessmentJob(deps: AssessmentJobDeps) {
  return defineJob({
    kind: ASSESSMENT_JOB,
    payload: assessmentPayloadSchema,
    title: () => 'Assess a finished interview',
    // An evening without network or a key not yet entered should not lose the assessment.
    maxAttempts: 200,
    leaseMs: 60_000,
    async run(payload, ctx) {
      let subject: AssessmentSubject
      try {
        subject = await loadSubject(ctx.db, payload.sessionId)
      } catch (error) {
        if (error instanceof StudioError) throw new PermanentJobError(error.message)
        throw error
      }
      // Not even the offline stand-in: the candidate's answers are not assessed against their choice.
      if (declinedAiInterview(await readConsentRecord(ctx.db, payload.sessionId)))
        return { scored: false, reason: ALTERNATIVE_NOT_SCORED }
      const chat = deps.chat()
      if (!chat) {
        await storeOfflineOnce(deps, ctx, payload, subject)
        throw new Error(WAITING)
      }
      // Keyed by the queue's job id, which every retry of this job keeps: counted once however often it runs.
      const work = `${ASSESSMENT_JOB}:${ctx.jobId}`
      const quota = deps.quota ?? UNMETERED
      const admission = await quota.admit(work, 'ai_screening')
      if (!admission.ok) {
        await storeOfflineOnce(deps, ctx, payload, subject)
        throw new PermanentJobError(admission.message)
      }
      let draft: AssessmentDraft
      try {
        draft = await runAiAssessment({ ...deps, db: ctx.db, chat, model: deps.chatModel() }, subject, ctx.signal)
      } catch (error) {
        // No assessment came of it: the unit goes back, and the next attempt asks again.
        await quota.release(work)
        if (!(error instanceof AiError)) throw error
        if (AI_AWAY.has(error.kind)) {
          await storeOfflineOnce(deps, ctx, payload, subject)
          throw new Error(`${WAITING} (${error.message})`)
        }
        if (error.kind === 'cancelled') throw error
        throw new PermanentJobError(`The AI assessment failed: ${error.message}`)
      }
      const applied = await ctx.applyOnce(`${assessmentJobKey(payload)}:ai`, async (trx) => {
        await storeAndAnnounce(deps, trx, payload, 'ai', draft)
      })
      return { applied, overallScore: draft.overallScore }
    },
  })
}
