import { z } from 'zod'
import { StudioError } from '../../../../shared/contract/errors'
import { answerContinuationSchema, pauseSchema, transcriptWordSchema, type AnswerContinuation } from './answer-input'
import { commitState, sessionChanged, type EngineContext } from './engine-context'
import { evaluationFor, loadCurrent, settleLocked } from './session-load'
import { plannedQuestion } from './state'

/** The saved answer and its continuation as one: words and pauses keep their times from the answer's start. */
function joinAnswerParts(
  saved: { text: string; transcript_words: string; speech_ms: number | null; pauses: string },
  more: z.output<typeof answerContinuationSchema>,
) {
  const { offsetMs } = more
  const words = z.array(transcriptWordSchema).catch([]).parse(JSON.parse(saved.transcript_words))
  const pauses = z.array(pauseSchema).catch([]).parse(JSON.parse(saved.pauses))
  return {
    text: [saved.text.trim(), more.text.trim()].filter(Boolean).join(' '),
    words: [
      ...words,
      ...more.transcriptWords.map((w) => ({ ...w, start: w.start + offsetMs / 1000, end: w.end + offsetMs / 1000 })),
    ],
    pauses: [...pauses, ...more.pauses.map((p) => ({ ...p, startMs: p.startMs + offsetMs }))],
    speechMs: (saved.speech_ms ?? 0) + more.speechMs,
  }
}

export async function continueAnswer(
  engine: EngineContext,
  sessionId: string,
  answerId: string,
  input: AnswerContinuation,
): Promise<void> {
  const more = answerContinuationSchema.parse(input)
  const decided = await engine.withSession(sessionId, () => appendToAnswer(engine, sessionId, answerId, more))
  sessionChanged(engine, sessionId)
  // The interview's course is set; only the rating follows, without holding up the next question.
  if (decided)
    reevaluateAnswer(engine, answerId).catch((error: unknown) =>
      engine.deps.logger.warn('a continued answer could not be rated again', { sessionId, error: String(error) }),
    )
}

/** Saves the joined answer; true when its decision had already been applied. */
async function appendToAnswer(
  engine: EngineContext,
  sessionId: string,
  answerId: string,
  more: z.output<typeof answerContinuationSchema>,
): Promise<boolean> {
  const { db, writer } = engine.deps
  const row = await db
    .selectFrom('interview_answers')
    .select(['text', 'transcript_words', 'speech_ms', 'pauses', 'skipped'])
    .where('id', '=', answerId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst()
  if (!row || row.skipped) throw new StudioError('not_found', 'There is no such answer to continue')
  const joined = joinAnswerParts(row, more)
  const loaded = await loadCurrent(engine, sessionId)
  const pending = loaded.state.pending?.answerId === answerId ? loaded.state.pending : null
  const next = pending ? { ...loaded.state, pending: { ...pending, text: joined.text } } : loaded.state
  await db.transaction().execute(async (trx) => {
    await writer.update(trx, 'interview_answers', answerId, {
      text: joined.text,
      transcript_words: JSON.stringify(joined.words),
      pauses: JSON.stringify(joined.pauses),
      speech_ms: joined.speechMs,
      ended_at: more.endedAt,
    })
    if (pending) await commitState(engine, trx, loaded, next)
  })
  // Not decided yet: the decision waits for a rating of the whole answer.
  if (pending) engine.inFlight.set(answerId, evaluationFor(engine, sessionId, next))
  return !pending
}

export async function reevaluateAnswer(engine: EngineContext, answerId: string): Promise<void> {
  const { db } = engine.deps
  const answer = await db
    .selectFrom('interview_answers')
    .select(['session_id', 'question_id', 'question_text', 'is_follow_up', 'text', 'skipped'])
    .where('id', '=', answerId)
    .executeTakeFirst()
  if (!answer?.question_id || answer.skipped || !answer.text.trim()) return
  const sessionId = answer.session_id
  await engine.withSession(sessionId, async () => {
    // An answer still waiting for its first evaluation gets it now, so that one cannot land after this one.
    const { state } = await settleLocked(engine, sessionId)
    const evaluation = await engine.evaluate({
      sessionId,
      question: plannedQuestion(state, answer.question_id!),
      asked: { text: answer.question_text, followUp: answer.is_follow_up === 1 },
      answer: answer.text,
      skipped: false,
    })
    await db.transaction().execute((trx) => engine.store.recordEvaluation(trx, answerId, evaluation))
  })
  sessionChanged(engine, sessionId)
}
