import type { Kysely, Transaction } from 'kysely'
import type { Chat } from '../../ai/types'
import type { QuotaGate } from '../../billing/types'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { Logger } from '../../logger'
import type { InvitationsService } from '../invitations/invitations-service'
import type { GuessThrottle } from '../../guard/guess-throttle'
import type { PromptRenderer } from '../prompts'
import type { PipelineLink } from '../sources'
import type { TemplatesService } from '../templates/templates-service'
import type { AnswerEvaluator } from './evaluator'
import type { Evaluation } from './machine'
import type { createSessionLock } from './session-lock'
import type { LoadedSession, SessionStore } from './session-store'
import type { EngineState } from './state'
import { turnView, type EngineTurn } from './turn-view'

export interface InterviewEngineDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  clock: Clock
  logger: Logger
  /** The chat capability, or null when there is no key, no network or the circuit is open. */
  chat(): Chat | null
  /** The chat model in use, kept with each AI rating of an answer. */
  chatModel?(): string
  prompts: PromptRenderer
  templates: TemplatesService
  invitations: InvitationsService
  /** Moves the invited application to 'interviewing' in the transaction that starts or ends the session. */
  pipeline: PipelineLink
  throttle: GuessThrottle
  idleMs?: number
  evaluationTimeoutMs?: number
  /** Told after a session started, moved on or ended (the studio pushes it to recruiter windows). */
  onSessionChanged?(sessionId: string): void
  /** Runs inside the transaction that ends a session, so follow-up work is enqueued atomically. */
  onSessionFinished?(trx: Transaction<Database>, sessionId: string): Promise<void>
  /**
   * A team workspace's AI quota: an interview with the AI interviewer counts one unit. Refused,
   * the interview runs scripted (free and unlimited) and the refusal shows on the Billing page.
   */
  quota?: QuotaGate
}

/** One engine's dependencies and what its commands share. */
export interface EngineContext {
  readonly deps: InterviewEngineDeps
  readonly idleMs: number
  readonly store: SessionStore
  readonly withSession: ReturnType<typeof createSessionLock>
  readonly evaluate: AnswerEvaluator
  /** Evaluations started when an answer was saved, awaited when the next step is decided. */
  readonly inFlight: Map<string, Promise<Evaluation>>
}

export function turnOf(
  engine: EngineContext,
  sessionId: string,
  loaded: { row: LoadedSession['row']; state: EngineState },
): EngineTurn {
  return turnView(
    sessionId,
    loaded.state,
    { candidateName: loaded.row.candidate_name, title: loaded.state.title },
    engine.deps.clock.now(),
  )
}

/**
 * Saves a new state; when it ends the interview, closes the invitation in the same transaction and
 * keeps the candidate at 'interviewing' (the recruiter's decision moves them on).
 */
export async function commitState(
  engine: EngineContext,
  trx: Transaction<Database>,
  loaded: LoadedSession,
  next: EngineState,
): Promise<LoadedSession> {
  const { deps } = engine
  const version = await engine.store.save(trx, loaded.row.id, next, loaded.version)
  if (next.finished && !loaded.state.finished) {
    await deps.invitations.setStatus(
      trx,
      loaded.row.invitation_id,
      next.finished.reason === 'abandoned' ? 'expired' : 'completed',
    )
    await keepInterviewing(engine, trx, loaded.row.invitation_id)
    await deps.onSessionFinished?.(trx, loaded.row.id)
  }
  return { ...loaded, state: next, version }
}

export function sessionChanged(engine: EngineContext, sessionId: string): void {
  engine.deps.onSessionChanged?.(sessionId)
}

/** Puts the invitation's application (if it has one) at 'interviewing', inside the session's transaction. */
export async function keepInterviewing(
  engine: EngineContext,
  trx: Transaction<Database>,
  invitationId: string,
): Promise<void> {
  const row = await trx
    .selectFrom('interview_invitations')
    .select('application_id')
    .where('id', '=', invitationId)
    .executeTakeFirst()
  if (row?.application_id) await engine.deps.pipeline.markInterviewing(trx, row.application_id)
}
