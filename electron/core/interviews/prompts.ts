import type { ChatMessage } from '../ai/types'

/**
 * Renders a versioned prompt from resources/prompts/ (`<id>.v<N>.md`), fencing untrusted values as
 * data. The AI layer's prompt library is what the studio passes; `ref` ("answer-evaluation.v1")
 * is recorded with what the prompt produced so a result can be explained and re-run.
 */
export interface PromptRenderer {
  render(id: string, values: Record<string, string>): { ref: string; messages: ChatMessage[] }
}

export const PROMPT_IDS = {
  questionGeneration: 'question-generation',
  answerEvaluation: 'answer-evaluation',
  acknowledgement: 'interview-acknowledgement',
  turnEnd: 'turn-end',
} as const
