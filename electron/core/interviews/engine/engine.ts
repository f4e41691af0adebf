import type { AnswerContinuation, SubmittedAnswer } from './answer-input'
import { skipQuestion, submitAnswer, type AnswerReceipt } from './answer-commands'
import { continueAnswer, reevaluateAnswer } from './continue-answer'
import type { EngineContext, InterviewEngineDeps } from './engine-context'
import { createAnswerEvaluator } from './evaluator'
import {
  currentTurn,
  finishSession,
  repeatQuestion,
  retakeAnswer,
  sweepSessions,
  touchSession,
} from './session-commands'
import { loadCurrent, settleSession } from './session-load'
import { createSessionLock } from './session-lock'
import { startSession, type StartedSession } from './session-start'
import { createSessionStore } from './session-store'
import type { EngineTurn } from './turn-view'
import { createUtterances } from './utterance'

export type { AnswerReceipt } from './answer-commands'
export type { InterviewEngineDeps } from './engine-context'
export { EARLY_START_MS, type StartedSession } from './session-start'

/** A session with no activity for this long is marked abandoned (product rule: 30 minutes). */
export const IDLE_LIMIT_MS = 30 * 60_000

export interface InterviewEngine {
  startSession(code: string): Promise<StartedSession>
  sessionForToken(token: string): Promise<string>
  /** Where the interview stands; applies a saved answer's evaluation first when one is waiting. */
  currentTurn(sessionId: string): Promise<EngineTurn>
  /** Saves the answer with the state in one transaction and starts its evaluation. */
  submitAnswer(sessionId: string, answer: SubmittedAnswer): Promise<AnswerReceipt>
  /**
   * Appends speech that resumed within the grace window to a saved answer and rates it again: before
   * its decision is applied the interview decides on the whole answer; after, only the rating changes.
   */
  continueAnswer(sessionId: string, answerId: string, more: AnswerContinuation): Promise<void>
  repeatQuestion(sessionId: string): Promise<EngineTurn>
  retake(sessionId: string): Promise<EngineTurn>
  skip(sessionId: string, turnIndex?: number): Promise<EngineTurn>
  finish(sessionId: string): Promise<EngineTurn>
  /** Marks the candidate as active (the voice loop calls it while they speak). */
  touch(sessionId: string): Promise<void>
  /**
   * The interviewer's next words, streamed: an acknowledgement of the last answer (from the chat
   * model when it is available), then the next question, follow-up or closing. Stops on abort.
   */
  nextUtterance(sessionId: string, options?: { signal?: AbortSignal }): AsyncIterable<string>
  /** Abandons sessions idle past the limit and expires overdue invitations; returns sessions abandoned. */
  sweep(): Promise<number>
  /**
   * Evaluates again an answer whose words arrived after the interview had moved on (a recording
   * transcribed later), so that what the recruiter reads rates what was said, not the silence the
   * engine saw. The interview's course is not changed.
   */
  reevaluateAnswer(answerId: string): Promise<void>
}

export function createInterviewEngine(deps: InterviewEngineDeps): InterviewEngine {
  const engine: EngineContext = {
    deps,
    idleMs: deps.idleMs ?? IDLE_LIMIT_MS,
    store: createSessionStore(deps.db, deps.writer, () => deps.clock.now()),
    withSession: createSessionLock(),
    evaluate: createAnswerEvaluator({
      chat: deps.chat,
      ...(deps.chatModel ? { chatModel: deps.chatModel } : {}),
      prompts: deps.prompts,
      logger: deps.logger,
      timeoutMs: deps.evaluationTimeoutMs,
    }),
    inFlight: new Map(),
  }
  const utterances = createUtterances({
    chat: deps.chat,
    prompts: deps.prompts,
    logger: deps.logger,
    load: (sessionId) => engine.withSession(sessionId, () => loadCurrent(engine, sessionId)),
    settle: (sessionId) => settleSession(engine, sessionId),
  })
  return {
    startSession: (code) => startSession(engine, code),
    sessionForToken: (token) => engine.store.sessionForToken(token),
    currentTurn: (sessionId) => currentTurn(engine, sessionId),
    submitAnswer: (sessionId, answer) => submitAnswer(engine, sessionId, answer),
    continueAnswer: (sessionId, answerId, more) => continueAnswer(engine, sessionId, answerId, more),
    repeatQuestion: (sessionId) => repeatQuestion(engine, sessionId),
    retake: (sessionId) => retakeAnswer(engine, sessionId),
    skip: (sessionId, turnIndex) => skipQuestion(engine, sessionId, turnIndex),
    finish: (sessionId) => finishSession(engine, sessionId),
    touch: (sessionId) => touchSession(engine, sessionId),
    nextUtterance: (sessionId, options) => utterances.next(sessionId, options?.signal),
    sweep: () => sweepSessions(engine),
    reevaluateAnswer: (answerId) => reevaluateAnswer(engine, answerId),
  }
}
