import type { Chat } from '../../ai/types'
import type { Logger } from '../../logger'
import { PROMPT_IDS, type PromptRenderer } from '../prompts'
import { stripInvisible } from '../untrusted-text'
import { acknowledgement, closing, OPENING } from './phrases'
import type { LoadedSession } from './session-store'
import type { EngineState } from './state'

/** The acknowledgement is one short sentence; the question that follows is the engine's own text. */
const MAX_ACK_CHARS = 200
const SENTENCE_END = /[.!?](?=\s|$)/u

export interface UtteranceDeps {
  chat(): Chat | null
  prompts: PromptRenderer
  logger: Logger
  load(sessionId: string): Promise<LoadedSession>
  settle(sessionId: string): Promise<LoadedSession>
}

function ackMessages(prompts: PromptRenderer, state: EngineState) {
  return prompts.render(PROMPT_IDS.acknowledgement, {
    question: state.current!.text,
    answer: state.pending!.text.slice(0, 4000),
  }).messages
}

/**
 * Streams the acknowledgement from the chat model, cut at its first sentence or MAX_ACK_CHARS,
 * falling back to a fixed phrase when the model is unavailable, fails, or says nothing.
 */
async function* acknowledge(
  deps: UtteranceDeps,
  sessionId: string,
  state: EngineState,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  const fallback = acknowledgement(state.current!.index)
  const chat = state.mode === 'adaptive' && !state.pending!.skipped ? deps.chat() : null
  if (!chat) {
    yield fallback
    return
  }
  const controller = new AbortController()
  const onAbort = () => controller.abort()
  signal?.addEventListener('abort', onAbort, { once: true })
  let said = ''
  try {
    const stream = chat.stream({
      messages: ackMessages(deps.prompts, state),
      maxTokens: 60,
      temperature: 0.4,
      signal: controller.signal,
      scope: { interviewId: sessionId },
    })
    for await (const delta of stream) {
      const piece = stripInvisible(delta).replace(/[<>{}`]/gu, '')
      const combined = said + piece
      const end = SENTENCE_END.exec(combined)
      if (end) {
        yield combined.slice(said.length, end.index + 1)
        said = combined.slice(0, end.index + 1)
        return
      }
      if (combined.length > MAX_ACK_CHARS) {
        yield `${combined.slice(said.length, MAX_ACK_CHARS).trimEnd()}.`
        said = combined.slice(0, MAX_ACK_CHARS)
        return
      }
      if (piece) yield piece
      said = combined
    }
    if (!said.trim()) yield fallback
    else if (!SENTENCE_END.test(said)) yield '.'
  } catch (error) {
    if (signal?.aborted) return
    deps.logger.warn('interviewer acknowledgement fell back to a fixed phrase', {
      sessionId,
      error: error instanceof Error ? error.message : String(error),
    })
    yield said.trim() ? '.' : fallback
  } finally {
    controller.abort()
    signal?.removeEventListener('abort', onAbort)
  }
}

export function createUtterances(deps: UtteranceDeps) {
  async function* next(sessionId: string, signal?: AbortSignal): AsyncGenerator<string> {
    const loaded = await deps.load(sessionId)
    const state = loaded.state
    if (state.finished) {
      yield closing(state.finished.reason)
      return
    }
    if (!state.pending) {
      const turn = state.current!
      yield turn.index === 0 && turn.repeats === 0 ? `${OPENING} ${turn.text}` : turn.text
      return
    }
    // The decision (evaluation, then the next question) runs while the acknowledgement is spoken.
    const decided = deps.settle(sessionId)
    // Awaited below; this only keeps a listener that stops early from leaving a rejection unhandled.
    decided.catch(() => undefined)
    yield* acknowledge(deps, sessionId, state, signal)
    if (signal?.aborted) return
    const after = (await decided).state
    if (signal?.aborted) return
    yield ` ${after.finished ? closing(after.finished.reason) : after.current!.text}`
  }
  return { next }
}
