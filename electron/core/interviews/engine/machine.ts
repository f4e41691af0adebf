import { StudioError } from '../../../../shared/contract/errors'
import type { FinishReason, InterviewMode, TemplateSettings } from '../../../../shared/contract/interviews'
import { FAIL_QUALITY, outcomeOf, recordOutcome } from './boundaries'
import { cleanFollowUp, followUpPhrase } from './phrases'
import { nextStep } from './stages'
import { plannedQuestion, type EngineState, type FollowUpKind, type PlannedQuestion, type Turn } from './state'

/**
 * The interview as pure transitions over EngineState: each takes the state and the time and
 * returns the next state, so the store can persist exactly what the engine decided.
 */

/** A follow-up is only asked when it can still be answered inside the interview's time. */
const FOLLOW_UP_MIN_REMAINING_MS = 2 * 60_000
/** An answer this good at standard or advanced level earns a deeper follow-up. */
const DEEPEN_QUALITY = 0.8
/** Beyond its limit and preparation, a question's time is not charged (a crash, a long pause). */
const TURN_GRACE_MS = 60_000

export interface Evaluation {
  /** 0..1 */
  quality: number
  source: 'ai' | 'heuristic'
  note: string
  /** A follow-up question the evaluator proposes; the engine decides whether to ask one. */
  followUp: string | null
  /** For a model's rating: the prompt version and model it came from, so it can be explained and re-run. */
  provenance?: { prompt: string; model: string | null }
}

export interface SessionPlan {
  title: string
  questions: PlannedQuestion[]
  settings: TemplateSettings
  mode: InterviewMode
}

export function startState(plan: SessionPlan, now: number): EngineState {
  const { settings, mode } = plan
  const state: EngineState = {
    v: 1,
    mode,
    title: plan.title,
    questions: plan.questions,
    limits: {
      maxQuestions: settings.maxQuestions,
      maxDurationMs: settings.maxDurationMinutes * 60_000,
      maxFollowUps: mode === 'scripted' ? 0 : settings.maxFollowUps,
      answerSilenceMs: Math.round(settings.answerSilenceSec * 1000),
    },
    stage: 'warm_up',
    asked: [],
    stageQualities: { warm_up: [], standard: [], advanced: [] },
    current: null,
    pending: null,
    open: null,
    nextTurnIndex: 0,
    skills: {},
    elapsedMs: 0,
    startedAt: now,
    lastActivityAt: now,
    finished: null,
  }
  return advance(state, now)
}

export function finishState(state: EngineState, reason: FinishReason, now: number): EngineState {
  if (state.finished) return state
  return {
    ...state,
    stage: 'done',
    current: null,
    pending: null,
    open: null,
    lastActivityAt: now,
    finished: { reason, at: now },
  }
}

function newTurn(
  state: EngineState,
  questionId: string,
  text: string,
  followUp: FollowUpKind | null,
  now: number,
): Turn {
  return { index: state.nextTurnIndex, questionId, followUp, text, askedAt: now, repeats: 0, retakesUsed: 0 }
}

/** Asks the next main question, or ends the interview when none is left. */
function advance(state: EngineState, now: number): EngineState {
  const step = nextStep(state)
  if ('finish' in step) return finishState(state, step.finish, now)
  return {
    ...state,
    stage: step.stage,
    asked: [...state.asked, step.question.id],
    current: newTurn(state, step.question.id, step.question.text, null, now),
    open: { questionId: step.question.id, qualities: [], followUps: 0 },
    nextTurnIndex: state.nextTurnIndex + 1,
    lastActivityAt: now,
  }
}

function requireOpenTurn(state: EngineState): Turn {
  if (state.finished) throw new StudioError('conflict', 'This interview has already ended')
  if (state.pending) throw new StudioError('conflict', 'The last answer is still being processed')
  if (!state.current) throw new StudioError('conflict', 'There is no question to answer')
  return state.current
}

export interface AnswerRecord {
  answerId: string
  turnIndex: number
  skipped: boolean
  text: string
}

/** Saves that the current turn was answered (or skipped); the next step waits for its evaluation. */
export function answerTurn(state: EngineState, answer: AnswerRecord, now: number): EngineState {
  const turn = requireOpenTurn(state)
  if (answer.turnIndex !== turn.index)
    throw new StudioError('conflict', 'That answer is for a question that is no longer current')
  const question = plannedQuestion(state, turn.questionId)
  const cap = (question.timeLimitSec + question.prepTimeSec) * 1000 + TURN_GRACE_MS
  const spent = Math.max(0, Math.min(now - turn.askedAt, cap))
  return { ...state, pending: { ...answer }, elapsedMs: state.elapsedMs + spent, lastActivityAt: now }
}

function followUpKind(
  state: EngineState,
  question: PlannedQuestion,
  quality: number,
  skipped: boolean,
): FollowUpKind | null {
  if (state.mode !== 'adaptive' || skipped || !state.open) return null
  if (state.open.followUps >= state.limits.maxFollowUps) return null
  if (state.limits.maxDurationMs - state.elapsedMs < FOLLOW_UP_MIN_REMAINING_MS) return null
  const asked = state.current?.followUp ?? null
  if (quality < FAIL_QUALITY && asked === null) return 'probe'
  if (quality >= DEEPEN_QUALITY && question.difficulty !== 'warm_up' && asked !== 'deepen') return 'deepen'
  return null
}

/**
 * Applies the evaluation of the pending answer: asks a follow-up when the answer calls for one,
 * otherwise closes the question (its outcome is the best of the answer and its follow-ups, which
 * moves the skill's boundary) and moves on to the next question or the end.
 */
export function decide(state: EngineState, evaluation: Evaluation, now: number): EngineState {
  const pending = state.pending
  if (!pending || !state.current || !state.open)
    throw new StudioError('conflict', 'There is no answer waiting for a decision')
  const question = plannedQuestion(state, state.open.questionId)
  const quality = pending.skipped ? 0 : Math.max(0, Math.min(1, evaluation.quality))
  const qualities = [...state.open.qualities, quality]
  const settled: EngineState = { ...state, pending: null, lastActivityAt: now }

  const kind = followUpKind(state, question, quality, pending.skipped)
  if (kind) {
    const text = cleanFollowUp(evaluation.followUp) ?? followUpPhrase(kind, question.type)
    return {
      ...settled,
      current: newTurn(state, question.id, text, kind, now),
      open: { questionId: question.id, qualities, followUps: state.open.followUps + 1 },
      nextTurnIndex: state.nextTurnIndex + 1,
    }
  }

  const outcomeQuality = Math.max(...qualities)
  const closed: EngineState = {
    ...settled,
    current: null,
    open: null,
    skills: recordOutcome(state.skills, question.skill, question.difficulty, outcomeOf(outcomeQuality)),
    stageQualities: {
      ...state.stageQualities,
      [question.difficulty]: [...state.stageQualities[question.difficulty], outcomeQuality],
    },
  }
  return advance(closed, now)
}

export function repeatTurn(state: EngineState, now: number): EngineState {
  const turn = requireOpenTurn(state)
  return { ...state, current: { ...turn, repeats: turn.repeats + 1 }, lastActivityAt: now }
}

export function retakesLeft(state: EngineState): number {
  const turn = state.current
  if (!turn || turn.followUp) return 0
  return Math.max(0, plannedQuestion(state, turn.questionId).retakesAllowed - turn.retakesUsed)
}

/** Starts the current answer over; the question's time starts again too. */
export function retakeTurn(state: EngineState, now: number): EngineState {
  const turn = requireOpenTurn(state)
  if (retakesLeft(state) <= 0) throw new StudioError('conflict', 'No retakes are left for this question')
  return { ...state, current: { ...turn, retakesUsed: turn.retakesUsed + 1, askedAt: now }, lastActivityAt: now }
}

export function touch(state: EngineState, now: number): EngineState {
  return { ...state, lastActivityAt: now }
}
