import type { FinishReason, QuestionType } from '../../../../shared/contract/interviews'
import { stripInvisible } from '../untrusted-text'
import type { FollowUpKind } from './state'

/**
 * What the interviewer says when no model writes it: follow-ups, acknowledgements and the closing.
 * Neutral on purpose: the interviewer never tells a candidate how well they did; a human decides.
 */

const FOLLOW_UPS: Record<FollowUpKind, Record<QuestionType, string>> = {
  probe: {
    open_voice: 'Could you give me a concrete example from your own experience?',
    video: 'Could you give me a concrete example from your own experience?',
    technical: 'Could you make that more concrete, for example by walking through how it would work step by step?',
    behavioural_star:
      'Could you take one specific situation and walk me through what you did yourself and how it turned out?',
  },
  deepen: {
    open_voice: 'What would you say is the hardest part of that, and how would you handle it?',
    video: 'What would you say is the hardest part of that, and how would you handle it?',
    technical: 'What trade-offs or failure cases would you watch for with that approach?',
    behavioural_star: 'Looking back, what would you do differently next time, and why?',
  },
}

export function followUpPhrase(kind: FollowUpKind, type: QuestionType): string {
  return FOLLOW_UPS[kind][type]
}

const ACKNOWLEDGEMENTS = ['Thank you.', 'Thanks, that is noted.', 'Thank you for that answer.', 'All right, thank you.']

export function acknowledgement(turnIndex: number): string {
  return ACKNOWLEDGEMENTS[turnIndex % ACKNOWLEDGEMENTS.length]!
}

export const OPENING = "Let's begin."

export function closing(reason: FinishReason): string {
  if (reason === 'abandoned') return 'This interview was stopped after a long pause. Please ask the recruiter for help.'
  if (reason === 'candidate_finished')
    return 'You have ended the interview. Thank you for your time; the hiring team will review your answers.'
  return 'That is the end of the interview. Thank you for your time; a member of the hiring team will review your answers.'
}

/**
 * A model-written follow-up is spoken to the candidate, so it is held to a strict shape: one
 * plain-text question of sensible length. Anything else is replaced by the fixed phrase.
 */
export function cleanFollowUp(text: string | null | undefined): string | null {
  if (!text) return null
  const cleaned = stripInvisible(text.replace(/\s+/gu, ' ')).trim()
  if (cleaned.length < 10 || cleaned.length > 300) return null
  if (!cleaned.endsWith('?') || /[<>{}`]/u.test(cleaned)) return null
  return cleaned
}
