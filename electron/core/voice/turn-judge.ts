import { z } from 'zod'
import type { Chat } from '../ai/types'
import type { Logger } from '../logger'
import type { PromptRenderer } from '../interviews/prompts'
import { PROMPT_IDS } from '../interviews/prompts'

/**
 * Reads what a candidate has said so far and says whether the answer is over: true (finished),
 * false (likely to go on) or null (cannot tell in time). It only ever shortens the wait when it
 * agrees with a pause; the long silence still ends an answer without it.
 */
export type TurnJudge = (answer: string) => Promise<boolean | null>

export interface TurnJudgeDeps {
  chat(): Chat | null
  prompts: PromptRenderer
  logger: Logger
  /** A verdict later than this is of no use: the long silence would have ended the answer anyway. */
  deadlineMs?: number
}

export const TURN_JUDGE_DEADLINE_MS = 700

const verdictSchema = z.object({ complete: z.boolean() }).strict()

/** Words a sentence is not over after, and fillers of someone still thinking. */
const OPEN_ENDING =
  /(?:\b(?:and|but|or|so|because|then|which|that|who|the|a|an|to|of|for|with|like|um+|uh+|erm|er|first(?:ly)?|also)|[,;:…-]|\.\.\.)\s*$/iu

/** True when the words read as unfinished whatever any model says (an open clause, a filler, no full stop). */
export function readsUnfinished(text: string): boolean {
  const trimmed = text.trim()
  if (!trimmed) return true
  return OPEN_ENDING.test(trimmed) || !/[.!?]["')\]]?$/u.test(trimmed)
}

export function createTurnJudge(deps: TurnJudgeDeps, question: string, sessionId: string | null): TurnJudge {
  const deadlineMs = deps.deadlineMs ?? TURN_JUDGE_DEADLINE_MS
  return async (answer) => {
    if (readsUnfinished(answer)) return false
    const chat = deps.chat()
    if (!chat) return null
    try {
      const verdict = await chat.structured({
        messages: deps.prompts.render(PROMPT_IDS.turnEnd, {
          question,
          answer: answer.slice(-4000),
        }).messages,
        schema: verdictSchema,
        schemaName: 'turn_end',
        temperature: 0,
        maxTokens: 20,
        signal: AbortSignal.timeout(deadlineMs),
        scope: sessionId ? { interviewId: sessionId } : undefined,
      })
      return verdict.complete
    } catch (error) {
      deps.logger.info('end-of-answer check gave no verdict in time; waiting for the long silence', {
        error: error instanceof Error ? error.message : String(error),
      })
      return null
    }
  }
}
