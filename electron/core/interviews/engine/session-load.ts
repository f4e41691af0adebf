import { StudioError } from '../../../../shared/contract/errors'
import { commitState, sessionChanged, type EngineContext } from './engine-context'
import { decide, finishState, type Evaluation } from './machine'
import type { LoadedSession } from './session-store'
import { plannedQuestion, type EngineState } from './state'

async function abandonIfIdle(engine: EngineContext, loaded: LoadedSession): Promise<LoadedSession> {
  const { db, clock, logger } = engine.deps
  const now = clock.now()
  if (loaded.state.finished || now - loaded.state.lastActivityAt < engine.idleMs) return loaded
  if (loaded.state.pending) engine.inFlight.delete(loaded.state.pending.answerId)
  const next = await db
    .transaction()
    .execute((trx) => commitState(engine, trx, loaded, finishState(loaded.state, 'abandoned', now)))
  logger.info('interview abandoned after inactivity', { sessionId: loaded.row.id })
  sessionChanged(engine, loaded.row.id)
  return next
}

export async function loadCurrent(engine: EngineContext, sessionId: string): Promise<LoadedSession> {
  return abandonIfIdle(engine, await engine.store.load(sessionId))
}

/** The session ready for the candidate's next move: idle-checked, waiting answer decided, not ended. */
export async function loadLive(engine: EngineContext, sessionId: string): Promise<LoadedSession> {
  const loaded = await settleLocked(engine, sessionId)
  if (loaded.state.finished?.reason === 'abandoned') {
    throw new StudioError(
      'conflict',
      'This interview was stopped after 30 minutes without activity. Please ask the recruiter for help.',
    )
  }
  if (loaded.state.finished) throw new StudioError('conflict', 'This interview has already ended')
  return loaded
}

export function evaluationFor(engine: EngineContext, sessionId: string, state: EngineState): Promise<Evaluation> {
  const pending = state.pending!
  const turn = state.current!
  return engine.evaluate({
    sessionId,
    question: plannedQuestion(state, turn.questionId),
    asked: { text: turn.text, followUp: turn.followUp !== null },
    answer: pending.text,
    skipped: pending.skipped,
  })
}

/** Applies the waiting answer's evaluation (the one in flight, or a fresh one after a restart). */
export async function settleLocked(engine: EngineContext, sessionId: string): Promise<LoadedSession> {
  const { db, clock } = engine.deps
  const loaded = await loadCurrent(engine, sessionId)
  const pending = loaded.state.pending
  if (loaded.state.finished || !pending) return loaded
  const evaluation = await (engine.inFlight.get(pending.answerId) ?? evaluationFor(engine, sessionId, loaded.state))
  engine.inFlight.delete(pending.answerId)
  const next = await db.transaction().execute(async (trx) => {
    await engine.store.recordEvaluation(trx, pending.answerId, evaluation)
    return commitState(engine, trx, loaded, decide(loaded.state, evaluation, clock.now()))
  })
  sessionChanged(engine, sessionId)
  return next
}

export function settleSession(engine: EngineContext, sessionId: string): Promise<LoadedSession> {
  return engine.withSession(sessionId, () => settleLocked(engine, sessionId))
}
