import type { LiveTranscriptEvent } from '../ai/types'

/**
 * When has the candidate finished answering? Speech-to-text hears the end of speech first (its
 * speech_final after a short silence); a transcript that reads as a finished sentence ends the
 * answer there, which is what keeps the reply quick. A pause mid-sentence ("and then, um") does
 * not: that waits for the provider's utterance end (a second of silence). Without a provider, or
 * when it goes quiet, our own voice-activity measure decides after a longer silence.
 */

export interface EndpointOptions {
  /** Words an answer needs before a finished-sounding sentence may end it at the first pause. */
  minWordsForQuickEnd?: number
  /** Silence that ends the answer when no provider is listening. */
  silenceEndMs?: number
  /** Silence after which we stop waiting for a provider that heard speech but said nothing. */
  providerStallMs?: number
  /** Voiced time needed before silence can end the answer (a cough is not an answer). */
  minSpeechMs?: number
}

export type EndReason = 'speech_final' | 'utterance_end' | 'silence' | 'time_limit' | 'candidate'

export interface AnswerEndpoint {
  /** Feeds a transcript event; returns a reason when it ends the answer. */
  onTranscript(event: LiveTranscriptEvent): EndReason | null
  /** Feeds our own measure after each chunk; returns a reason when silence ends the answer. */
  onSilence(silenceMs: number, speechMs: number): EndReason | null
  /** Whether a provider is listening; set false when it fails mid-answer. */
  setProviderListening(listening: boolean): void
}

const FINISHED_SENTENCE = /[.!?…]["'”’)]*\s*$/u

export function createAnswerEndpoint(options: EndpointOptions & { providerListening: boolean }): AnswerEndpoint {
  const minWords = options.minWordsForQuickEnd ?? 3
  const silenceEndMs = options.silenceEndMs ?? 1500
  const providerStallMs = options.providerStallMs ?? 3000
  const minSpeechMs = options.minSpeechMs ?? 300
  let providerListening = options.providerListening
  let words = 0
  let heardFinal = false

  return {
    onTranscript(event) {
      if (event.type === 'final') {
        const count = event.text.split(/\s+/u).filter(Boolean).length
        words += count
        if (count > 0) heardFinal = true
        if (event.speechFinal && words >= minWords && FINISHED_SENTENCE.test(event.text)) return 'speech_final'
        return null
      }
      if (event.type === 'utterance_end' && heardFinal) return 'utterance_end'
      return null
    },
    onSilence(silenceMs, speechMs) {
      if (speechMs < minSpeechMs) return null
      const needed = providerListening ? providerStallMs : silenceEndMs
      return silenceMs >= needed ? 'silence' : null
    },
    setProviderListening(listening) {
      providerListening = listening
    },
  }
}
