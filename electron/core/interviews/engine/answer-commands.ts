import { uuidv7 } from 'uuidv7'
import { StudioError } from '../../../../shared/contract/errors'
import { submittedAnswerSchema, type SubmittedAnswer } from './answer-input'
import { commitState, sessionChanged, turnOf, type EngineContext } from './engine-context'
import { answerTurn, decide } from './machine'
import { evaluationFor, loadLive } from './session-load'
import { plannedQuestion, type EngineState, type Turn } from './state'
import type { EngineTurn } from './turn-view'
import { storedEvaluation } from './session-store'

export interface AnswerReceipt {
  answerId: string
  turnIndex: number
  /** The same turn was already recorded (a retried submit); nothing new was written. */
  duplicate: boolean
}

/** What an answer row records of the question it answers. */
function askedColumns(state: EngineState, turn: Turn) {
  const question = plannedQuestion(state, turn.questionId)
  return {
    question_id: question.id,
    question_text: turn.text,
    question_type: question.type,
    stage: question.difficulty,
    skill: question.skill,
    is_follow_up: turn.followUp ? 1 : 0,
  }
}

export async function submitAnswer(
  engine: EngineContext,
  sessionId: string,
  input: SubmittedAnswer,
): Promise<AnswerReceipt> {
  const { db, clock, writer } = engine.deps
  const answer = submittedAnswerSchema.parse(input)
  const receipt = await engine.withSession(sessionId, async () => {
    if (answer.turnIndex !== undefined) {
      const existing = await engine.store.answerAt(sessionId, answer.turnIndex)
      if (existing) return { answerId: existing.id, turnIndex: existing.turn_index, duplicate: true }
    }
    if (answer.turnIndex === undefined && (await engine.store.load(sessionId)).state.pending) {
      // Without a turn index a second submit cannot say which question it answers.
      throw new StudioError('conflict', 'The last answer is still being processed')
    }
    const loaded = await loadLive(engine, sessionId)
    const turn = loaded.state.current
    const turnIndex = answer.turnIndex ?? turn?.index ?? -1
    const answerId = uuidv7()
    const now = clock.now()
    const next = answerTurn(loaded.state, { answerId, turnIndex, skipped: false, text: answer.text }, now)
    const asked = askedColumns(loaded.state, turn!)
    await db.transaction().execute(async (trx) => {
      await writer.insert(trx, 'interview_answers', {
        id: answerId,
        session_id: sessionId,
        turn_index: turnIndex,
        ...asked,
        input_mode: answer.inputMode,
        text: answer.text,
        transcript_words: JSON.stringify(answer.transcriptWords),
        audio_path: answer.audioPath,
        started_at: answer.startedAt,
        ended_at: answer.endedAt,
        response_delay_ms: answer.responseDelayMs,
        speech_ms: answer.speechMs,
        pauses: JSON.stringify(answer.pauses),
        pasted_chars: answer.pastedChars,
        skipped: 0,
        quality: null,
        quality_source: null,
        evaluation: null,
      })
      await commitState(engine, trx, loaded, next)
    })
    engine.inFlight.set(answerId, evaluationFor(engine, sessionId, next))
    return { answerId, turnIndex, duplicate: false }
  })
  if (!receipt.duplicate) sessionChanged(engine, sessionId)
  return receipt
}

export async function skipQuestion(engine: EngineContext, sessionId: string, turnIndex?: number): Promise<EngineTurn> {
  const { db, clock, writer } = engine.deps
  const next = await engine.withSession(sessionId, async () => {
    const loaded = await loadLive(engine, sessionId)
    const turn = loaded.state.current
    if (turnIndex !== undefined && turn && turnIndex !== turn.index) {
      const existing = await engine.store.answerAt(sessionId, turnIndex)
      if (existing) return loaded
    }
    const answerId = uuidv7()
    const now = clock.now()
    const answered = answerTurn(
      loaded.state,
      { answerId, turnIndex: turnIndex ?? turn?.index ?? -1, skipped: true, text: '' },
      now,
    )
    const asked = askedColumns(loaded.state, turn!)
    const evaluation = await evaluationFor(engine, sessionId, answered)
    return db.transaction().execute(async (trx) => {
      await writer.insert(trx, 'interview_answers', {
        id: answerId,
        session_id: sessionId,
        turn_index: turn!.index,
        ...asked,
        input_mode: 'text',
        text: '',
        transcript_words: '[]',
        audio_path: null,
        started_at: now,
        ended_at: now,
        response_delay_ms: Math.max(0, now - turn!.askedAt),
        speech_ms: 0,
        pauses: '[]',
        pasted_chars: 0,
        skipped: 1,
        quality: evaluation.quality,
        quality_source: evaluation.source,
        evaluation: JSON.stringify(storedEvaluation({ ...evaluation, followUp: null })),
      })
      return commitState(engine, trx, loaded, decide(answered, evaluation, now))
    })
  })
  sessionChanged(engine, sessionId)
  return turnOf(engine, sessionId, next)
}
