import { performance } from 'node:perf_hooks'
import { estimateAudioSeconds } from '../../audio/wav'
import { AiError, messageFor } from '../errors'
import { mapDeepgramError, type ResponseNote } from '../deepgram/errors'
import { deepgramLiveTranscription, openDeepgramLive } from '../deepgram/live'
import { transcribeWithDeepgram } from '../deepgram/prerecorded'
import { mapOpenAiError } from '../openai/errors'
import { segmentedLiveTranscription } from '../openai/segmented-live'
import { transcribeWithOpenAi } from '../openai/transcription'
import { reachedProvider, type CallTarget } from '../resilience/call-runner'
import type { CallOptions, LiveTranscription, LiveTranscriptionOptions, SpeechToText } from '../types'
import type { CapabilityContext } from './context'

const audioUsage = (audioSeconds: number, inputTokens = 0, outputTokens = 0) => ({
  inputTokens,
  outputTokens,
  audioSeconds,
  characters: 0,
})

/** A live session reserves this much audio against the interview budget while it is open. */
const LIVE_RESERVATION_SECONDS = 60

export function createSpeechToText(ctx: CapabilityContext): SpeechToText {
  const transcribe: SpeechToText['transcribe'] = async (audio, mimeType, options: CallOptions = {}) => {
    const { provider, model } = ctx.settings().stt
    if (!audio.byteLength)
      throw new AiError({ kind: 'bad_request', provider, capability: 'stt', message: 'No audio to transcribe' })
    const call: CallTarget = { provider, capability: 'stt', model, scope: options.scope, signal: options.signal }
    const estimate = audioUsage(estimateAudioSeconds(audio))
    if (provider === 'openai') {
      const result = await ctx.runner.unary(call, {
        estimate,
        attempt: (signal) =>
          transcribeWithOpenAi(ctx.openai.forKey(ctx.key('openai', 'stt')), model, audio, mimeType, signal),
        usageOf: (r) => audioUsage(r.audioSeconds, r.inputTokens, r.outputTokens),
        mapError: (error) => mapOpenAiError(error, 'stt', () => ctx.clock.now()),
      })
      return result.transcript
    }
    const note: ResponseNote = {}
    return ctx.runner.unary(call, {
      estimate,
      attempt: (signal) =>
        transcribeWithDeepgram(ctx.key('deepgram', 'stt'), ctx.deepgramBaseUrl, model, audio, signal, note),
      usageOf: (t) => audioUsage(t.durationSec),
      mapError: (error) => mapDeepgramError(error, 'stt', note, () => ctx.clock.now()),
    })
  }

  const liveDeepgram = async (options: LiveTranscriptionOptions, model: string): Promise<LiveTranscription> => {
    const call: CallTarget = {
      provider: 'deepgram',
      capability: 'stt',
      model,
      scope: options.scope,
      signal: options.signal,
      live: true,
    }
    const note: ResponseNote = {}
    const mapError = (error: unknown) => mapDeepgramError(error, 'stt', note, () => ctx.clock.now())
    const reservation = await ctx.runner.reserve(call, audioUsage(LIVE_RESERVATION_SECONDS))
    const startedAt = performance.now()
    let opened
    try {
      opened = await ctx.runner.attempt(call, mapError, (deadline) => {
        delete note.status
        delete note.retryAfter
        return openDeepgramLive(ctx.key('deepgram', 'stt'), ctx.deepgramBaseUrl, model, options, deadline.signal, note)
      })
    } catch (thrown) {
      const error = ctx.runner.normalise(thrown, call, undefined, mapError)
      if (reachedProvider(error)) {
        await ctx.runner.record(
          call,
          { usage: audioUsage(0), estimated: false },
          error.kind === 'cancelled' ? 'cancelled' : 'error',
          startedAt,
          error,
        )
      }
      reservation.release()
      throw error
    }
    opened.deadline.dispose()
    const { ticket } = opened
    let untrack = () => {}
    const session = deepgramLiveTranscription(opened.value, {
      options,
      finishTimeoutMs: ctx.timeoutsMs.stt,
      timeoutError: () =>
        new AiError({
          kind: 'timeout',
          provider: 'deepgram',
          capability: 'stt',
          message: messageFor('timeout', 'deepgram', { timeoutMs: ctx.timeoutsMs.stt }),
        }),
      mapError: (error) => (error instanceof AiError ? error : mapError(error)),
      onEnd: ({ outcome, audioSeconds, error }) => {
        untrack()
        const failure = error instanceof AiError ? error : undefined
        if (outcome === 'error' && failure?.countsAgainstProvider) ticket.failure()
        else if (outcome === 'error') ticket.release()
        else ticket.success()
        void ctx.runner
          .record(call, { usage: audioUsage(audioSeconds), estimated: false }, outcome, startedAt, failure)
          .finally(() => reservation.release())
      },
    })
    untrack = ctx.track(session)
    return session
  }

  return {
    transcribe,
    async live(options) {
      const { provider, model } = ctx.settings().stt
      if (options.signal?.aborted) {
        throw new AiError({
          kind: 'cancelled',
          provider,
          capability: 'stt',
          message: messageFor('cancelled', provider),
        })
      }
      if (provider === 'deepgram') return liveDeepgram(options, model)
      // Checked up front so a missing key fails here, not at the first pause in the answer.
      ctx.key('openai', 'stt')
      let untrack = () => {}
      const session = segmentedLiveTranscription({
        options,
        transcribe: (audio, mimeType, signal) =>
          transcribe(audio, mimeType, {
            scope: options.scope,
            signal: options.signal ? AbortSignal.any([options.signal, signal]) : signal,
          }),
        onClose: () => untrack(),
      })
      untrack = ctx.track(session)
      return session
    },
  }
}
