import type { KioskQuestion, KioskTurn, SessionStatus } from '../../../../shared/contract/interviews'
import { retakesLeft } from './machine'
import { plannedTotal } from './stages'
import { plannedQuestion, type EngineState } from './state'

/** The engine's view of where an interview stands; the kiosk gets a subset (see toKioskTurn). */
export interface EngineTurn extends KioskTurn {
  sessionId: string
  question: (KioskQuestion & { questionId: string; skill: string; repeats: number; askedAt: number }) | null
  /** An answer is saved and its evaluation not applied yet. */
  awaitingDecision: boolean
  /** The template's silence that ends a spoken answer (in-depth questions add a second). */
  answerSilenceMs: number
}

export function turnView(
  sessionId: string,
  state: EngineState,
  meta: { candidateName: string; title: string },
  now: number,
): EngineTurn {
  const status: SessionStatus = state.finished
    ? state.finished.reason === 'abandoned'
      ? 'abandoned'
      : 'completed'
    : 'in_progress'
  const current = state.finished ? null : state.current
  const inTurnMs = current && !state.pending ? Math.max(0, now - current.askedAt) : 0
  const remainingMs = Math.max(0, state.limits.maxDurationMs - state.elapsedMs - inTurnMs)
  let question: EngineTurn['question'] = null
  if (current) {
    const planned = plannedQuestion(state, current.questionId)
    question = {
      turnIndex: current.index,
      number: state.asked.indexOf(current.questionId) + 1,
      total: Math.max(plannedTotal(state), state.asked.length),
      stage: planned.difficulty,
      type: planned.type,
      text: current.text,
      isFollowUp: current.followUp !== null,
      timeLimitSec: planned.timeLimitSec,
      prepTimeSec: current.followUp ? 0 : planned.prepTimeSec,
      retakesLeft: retakesLeft(state),
      recordVideo: planned.type === 'video',
      questionId: planned.id,
      skill: planned.skill,
      repeats: current.repeats,
      askedAt: current.askedAt,
    }
  }
  return {
    sessionId,
    status,
    candidateName: meta.candidateName,
    title: meta.title,
    question,
    elapsedSec: Math.round(state.elapsedMs / 1000),
    remainingSec: Math.round(remainingMs / 1000),
    finishReason: state.finished?.reason ?? null,
    awaitingDecision: state.pending !== null,
    answerSilenceMs: state.limits.answerSilenceMs,
  }
}

/** Only what the candidate's screen needs: no ids beyond the turn, no skills, no scores. */
export function toKioskTurn(turn: EngineTurn): KioskTurn {
  const q = turn.question
  return {
    status: turn.status,
    candidateName: turn.candidateName,
    title: turn.title,
    question: q && {
      turnIndex: q.turnIndex,
      number: q.number,
      total: q.total,
      stage: q.stage,
      type: q.type,
      text: q.text,
      isFollowUp: q.isFollowUp,
      timeLimitSec: q.timeLimitSec,
      prepTimeSec: q.prepTimeSec,
      retakesLeft: q.retakesLeft,
      recordVideo: q.recordVideo,
    },
    elapsedSec: turn.elapsedSec,
    remainingSec: turn.remainingSec,
    finishReason: turn.finishReason,
  }
}
