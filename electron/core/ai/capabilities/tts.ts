import { AiError } from '../errors'
import { mapDeepgramError, type ResponseNote } from '../deepgram/errors'
import { openDeepgramSpeech } from '../deepgram/speak'
import { mapOpenAiError } from '../openai/errors'
import { openOpenAiSpeech } from '../openai/speech'
import type { SpeechRequest, TextToSpeech } from '../types'
import type { CapabilityContext } from './context'

/** The smaller of the providers' limits (Deepgram 2,000, OpenAI 4,096); speak sentence by sentence. */
export const MAX_SPEECH_CHARACTERS = 2000

/**
 * Streamed speech from the provider chosen in settings. Chunks are handed on as the socket yields
 * them; 'pcm' is 24 kHz 16-bit mono little-endian from either provider.
 */
export function createTextToSpeech(ctx: CapabilityContext): TextToSpeech {
  return {
    stream(request: SpeechRequest) {
      const { provider, model, voice } = ctx.settings().tts
      const text = request.text.trim()
      if (!text || text.length > MAX_SPEECH_CHARACTERS) {
        throw new AiError({
          kind: 'bad_request',
          provider,
          capability: 'tts',
          message: text
            ? `Text to speak is too long (${text.length} characters; at most ${MAX_SPEECH_CHARACTERS})`
            : 'Nothing to speak',
        })
      }
      const usage = {
        usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 0, characters: text.length },
        estimated: false,
      }
      const call = { provider, capability: 'tts' as const, model, scope: request.scope, signal: request.signal }
      const spoken = { text, voice: request.voice ?? voice, format: request.format }
      if (provider === 'openai') {
        return ctx.runner.stream(call, {
          estimate: usage.usage,
          open: (signal) => openOpenAiSpeech(ctx.openai.forKey(ctx.key('openai', 'tts')), model, spoken, signal),
          // Providers bill the text they were sent, whether or not all of its audio was played.
          usage: () => usage,
          mapError: (error) => mapOpenAiError(error, 'tts', () => ctx.clock.now()),
        })
      }
      const note: ResponseNote = {}
      return ctx.runner.stream(call, {
        estimate: usage.usage,
        open: (signal) =>
          openDeepgramSpeech(ctx.key('deepgram', 'tts'), ctx.deepgramBaseUrl, model, spoken, signal, note),
        usage: () => usage,
        mapError: (error) => mapDeepgramError(error, 'tts', note, () => ctx.clock.now()),
      })
    },
  }
}
