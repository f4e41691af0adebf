import type { Chat } from '../../ai/types'
import type { PromptLibrary } from '../../ai/prompts/library'

/** What every AI pass of one run shares. */
export interface PassContext {
  chat: Chat
  /** The library itself, not just a renderer: each pass pins the version of the prompt it used. */
  prompts: PromptLibrary
  signal: AbortSignal
  sessionId: string
}

/** Assessments are evidence: the same transcript should read the same way on a re-run. */
export const ASSESSMENT_TEMPERATURE = 0

export const PROMPTS = {
  perAnswer: 'assessment',
  across: 'assessment-across',
  overall: 'assessment-overall',
} as const

/** Appended to a reason whose score no verified quote backs, so the gap is visible wherever it is shown. */
export function unsupportedNote(dropped: number): string {
  return dropped
    ? ' (unsupported: the quoted words were not found in the transcript)'
    : ' (unsupported: no evidence was quoted)'
}
