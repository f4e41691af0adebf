import { commitState, sessionChanged, turnOf, type EngineContext } from './engine-context'
import { finishState, repeatTurn, retakeTurn, touch } from './machine'
import { loadCurrent, loadLive, settleLocked, settleSession } from './session-load'
import type { EngineTurn } from './turn-view'

/** Reading the session does not count as activity; explicit touches are saved at most this often. */
const TOUCH_WRITE_MS = 5000

export async function currentTurn(engine: EngineContext, sessionId: string): Promise<EngineTurn> {
  const loaded = await settleSession(engine, sessionId)
  return turnOf(engine, sessionId, loaded)
}

export function repeatQuestion(engine: EngineContext, sessionId: string): Promise<EngineTurn> {
  const { db, clock } = engine.deps
  return engine.withSession(sessionId, async () => {
    const loaded = await loadLive(engine, sessionId)
    const next = await db
      .transaction()
      .execute((trx) => commitState(engine, trx, loaded, repeatTurn(loaded.state, clock.now())))
    return turnOf(engine, sessionId, next)
  })
}

export function retakeAnswer(engine: EngineContext, sessionId: string): Promise<EngineTurn> {
  const { db, clock } = engine.deps
  return engine.withSession(sessionId, async () => {
    const loaded = await loadLive(engine, sessionId)
    const now = clock.now()
    const next = await db.transaction().execute(async (trx) => {
      const saved = await commitState(engine, trx, loaded, retakeTurn(loaded.state, now))
      // The turn's retake count is gone once it is answered: kept as a kiosk event for the recruiter's integrity view.
      await engine.deps.writer.insert(trx, 'interview_kiosk_events', {
        session_id: sessionId,
        kind: 'retake',
        turn_index: loaded.state.current?.index ?? null,
        amount: 1,
        occurred_at: now,
      })
      return saved
    })
    return turnOf(engine, sessionId, next)
  })
}

export async function finishSession(engine: EngineContext, sessionId: string): Promise<EngineTurn> {
  const { db, clock } = engine.deps
  const next = await engine.withSession(sessionId, async () => {
    // Finishing an interview that has just ended (its last answer decided it) is not an error.
    const settled = await settleLocked(engine, sessionId)
    if (settled.state.finished) return settled
    return db
      .transaction()
      .execute((trx) =>
        commitState(engine, trx, settled, finishState(settled.state, 'candidate_finished', clock.now())),
      )
  })
  sessionChanged(engine, sessionId)
  return turnOf(engine, sessionId, next)
}

export function touchSession(engine: EngineContext, sessionId: string): Promise<void> {
  const { db, clock } = engine.deps
  return engine.withSession(sessionId, async () => {
    const loaded = await loadLive(engine, sessionId)
    const now = clock.now()
    if (now - loaded.state.lastActivityAt < TOUCH_WRITE_MS) return
    await db.transaction().execute((trx) => commitState(engine, trx, loaded, touch(loaded.state, now)))
  })
}

export async function sweepSessions(engine: EngineContext): Promise<number> {
  const { clock, invitations } = engine.deps
  await invitations.expireDue()
  let abandoned = 0
  for (const sessionId of await engine.store.idleSessions(clock.now() - engine.idleMs)) {
    const loaded = await engine.withSession(sessionId, () => loadCurrent(engine, sessionId))
    if (loaded.state.finished?.reason === 'abandoned') abandoned += 1
  }
  return abandoned
}
