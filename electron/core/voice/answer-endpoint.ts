import type { LiveTranscriptEvent } from '../ai/types'

/**
 * When has the candidate finished answering? Interview answers run to many sentences with
 * thinking pauses between them, so neither a finished-sounding sentence nor the provider's end of
 * speech ends one: an answer ends when the candidate says so (the "I have finished" button, or a
 * closing phrase such as "that's my answer" at the end of what they said), or after a silence long
 * enough that nobody is still thinking it through — longer for advanced questions. A shorter pause
 * ends it only when a reading of the words so far agrees the answer is complete (see turn-judge.ts).
 * Silence is our own measure of the audio, so it holds with or without a speech-to-text provider.
 */

export interface EndpointOptions {
  /** Silence after speech that ends an answer (the candidate has not said they are done). */
  silenceEndMs?: number
  /** The same for advanced questions, where candidates think longer. */
  advancedSilenceEndMs?: number
  /** Voiced time needed before silence can end the answer (a cough is not an answer). */
  minSpeechMs?: number
}

/**
 * spoken_end: a closing phrase; agreed: a pause with the words judged complete; silence: the long
 * pause; time_limit: the clock; candidate: the button (or the answer was dropped).
 */
export type EndReason = 'spoken_end' | 'agreed' | 'silence' | 'time_limit' | 'candidate'

export interface AnswerEndpoint {
  /** Feeds a transcript event; returns a reason when it ends the answer. */
  onTranscript(event: LiveTranscriptEvent): EndReason | null
  /**
   * Feeds our own measure after each chunk, and whether the words heard so far were judged a
   * complete answer; returns a reason when the pause ends the answer.
   */
  onSilence(silenceMs: number, speechMs: number, judgedComplete: boolean): EndReason | null
  /** The pause after which a complete-sounding answer is checked; the check must answer before `agreedMs`. */
  readonly judgeAfterMs: number
  readonly agreedMs: number
}

export const DEFAULT_SILENCE_END_MS = 2500
export const DEFAULT_ADVANCED_SILENCE_END_MS = 3500
/** The check starts this early in a pause, so its verdict is in by the agreed pause. */
const JUDGE_AFTER_MS = 250

/** The pause that ends an answer judged complete: a share of the long one, never under 0.8 s. */
export const agreedSilenceMs = (silenceEndMs: number) => Math.max(800, Math.round(silenceEndMs * 0.4))

/**
 * Phrases a candidate uses to hand the turn back, when they close what was said. Deliberately
 * narrow: "that's it" or "so yeah" also occur mid-answer, and ending an answer early costs the
 * candidate far more than a second of waiting costs anyone.
 */
const CLOSING_PHRASE =
  /\b(?:that(?:'s| is) (?:my answer|all(?: I have)?|everything)|I(?:'m| am) (?:done|finished)|I(?:'ve| have) finished|(?:and )?that concludes my answer)[\s.!,]*$/iu

export function isClosingPhrase(text: string): boolean {
  return CLOSING_PHRASE.test(text.trim().replace(/[’‘]/gu, "'"))
}

export function createAnswerEndpoint(options: EndpointOptions & { advanced?: boolean } = {}): AnswerEndpoint {
  const silenceEndMs = options.advanced
    ? (options.advancedSilenceEndMs ?? DEFAULT_ADVANCED_SILENCE_END_MS)
    : (options.silenceEndMs ?? DEFAULT_SILENCE_END_MS)
  const minSpeechMs = options.minSpeechMs ?? 300
  const agreedMs = agreedSilenceMs(silenceEndMs)

  return {
    judgeAfterMs: JUDGE_AFTER_MS,
    agreedMs,
    onTranscript(event) {
      // Only a final that closes what was heard so far can hand the turn back; an interim may still change.
      if (event.type === 'final' && event.speechFinal && isClosingPhrase(event.text)) return 'spoken_end'
      return null
    },
    onSilence(silenceMs, speechMs, judgedComplete) {
      if (speechMs < minSpeechMs) return null
      if (silenceMs >= silenceEndMs) return 'silence'
      return judgedComplete && silenceMs >= agreedMs ? 'agreed' : null
    },
  }
}
