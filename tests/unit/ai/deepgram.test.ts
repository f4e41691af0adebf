import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { encodeWav } from '@core/audio/wav'
import { AiError } from '@core/ai/errors'
import type { LiveTranscriptEvent, LiveTranscription } from '@core/ai/types'
import { concatPcm } from '../../fixtures/audio/speech'
import { syntheticSpeech } from '../../harness/ai-stub/audio'
import { collect, DEEPGRAM_KEY, FAST, startAiHarness, type AiHarness } from './harness'

let h: AiHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

async function failure(promise: Promise<unknown>): Promise<AiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AiError)
    return error as AiError
  }
  throw new Error('expected the call to fail')
}

const RATE = 16_000
const silence = (ms: number) => new Uint8Array(Math.round((RATE * ms) / 1000) * 2)
const concat = concatPcm

/** Sends PCM in 20 ms frames, as a microphone would, `speed` times faster than real time. */
async function play(session: LiveTranscription, pcm: Uint8Array, speed = 10) {
  const frame = (RATE / 50) * 2
  for (let at = 0; at < pcm.byteLength; at += frame) {
    session.send(pcm.subarray(at, at + frame))
    if ((at / frame) % 5 === 4) await new Promise((r) => setTimeout(r, 100 / speed))
  }
}

function gather(session: LiveTranscription) {
  const events: (LiveTranscriptEvent & { at: number })[] = []
  const done = (async () => {
    for await (const event of session.events) events.push({ ...event, at: performance.now() })
  })()
  // Observed now: a session can fail while the test is still sending audio; the test awaits it later.
  done.catch(() => undefined)
  return { events, done }
}

describe('Deepgram prerecorded', () => {
  it('transcribes a file with word timings and bills its duration', async () => {
    h = await startAiHarness()
    h.stub.setScript({ transcripts: ['We shipped it in two weeks.'] })
    const wav = encodeWav(concat(silence(500), syntheticSpeech('we shipped it in two weeks', RATE), silence(500)), RATE)
    const transcript = await h.ai.capabilities.stt().transcribe(wav, 'audio/wav', { scope: { interviewId: 'iv-d1' } })
    expect(transcript.text).toBe('We shipped it in two weeks.')
    expect(transcript.words.map((w) => w.word)).toEqual(['We', 'shipped', 'it', 'in', 'two', 'weeks.'])
    // The stub places words where its VAD heard speech: after the half second of silence.
    expect(transcript.words[0]!.start).toBeGreaterThanOrEqual(0.48)
    expect(transcript.durationSec).toBeCloseTo(2.56, 2)
    const request = h.stub.requests[0]!
    expect(request).toMatchObject({ route: 'listen', query: { model: 'nova-3', smart_format: 'true' } })
    expect(request.headers.authorization).toBe(`Token ${DEEPGRAM_KEY}`)
    expect(await h.ai.usage.forInterview('iv-d1')).toMatchObject({ calls: 1, audioSeconds: 2.56 })
  })

  it('silence transcribes to nothing', async () => {
    h = await startAiHarness()
    expect((await h.ai.capabilities.stt().transcribe(encodeWav(silence(800), RATE), 'audio/wav')).text).toBe('')
  })

  it('honours Retry-After from a 429, retries 500 and malformed bodies, never retries 401', async () => {
    h = await startAiHarness({ ai: { retry: { ...FAST.retry, maxAttempts: 4 } } })
    const wav = encodeWav(syntheticSpeech('hello', RATE), RATE)
    h.stub.setFault('listen', { kind: 'rate_limit', retryAfterSec: 1 }, 1)
    h.stub.setFault('listen', { kind: 'server_error', status: 502 }, 1)
    h.stub.setFault('listen', { kind: 'malformed' }, 1)
    expect((await h.ai.capabilities.stt().transcribe(wav, 'audio/wav')).text).not.toBe('')
    const rows = h.stub.requests
    expect(rows.map((r) => r.fault ?? 'ok')).toEqual(['rate_limit', 'server_error', 'malformed', 'ok'])
    expect(rows[1]!.startedAt - rows[0]!.startedAt).toBeGreaterThanOrEqual(990)
    expect(h.notices.map((n) => n.message)).toEqual([
      'Deepgram rate limited, retrying in 1 s',
      expect.stringMatching(/^Deepgram error 502, retrying/),
      expect.stringMatching(/^Deepgram error, retrying/),
    ])

    h.stub.setFault('listen', { kind: 'unauthorized' })
    const before = h.stub.requests.length
    expect(await failure(h.ai.capabilities.stt().transcribe(wav, 'audio/wav'))).toMatchObject({
      kind: 'auth',
      status: 401,
      message: 'Deepgram rejected the key',
    })
    expect(h.stub.requests.length - before).toBe(1)
  })

  it('times out a hang, and reports a dropped connection as a network error, each after its retries', async () => {
    const wav = encodeWav(syntheticSpeech('hello', RATE), RATE)
    h = await startAiHarness({ ai: { timeoutsMs: { stt: 150 } } })
    h.stub.setFault('listen', { kind: 'hang' })
    expect(await failure(h.ai.capabilities.stt().transcribe(wav, 'audio/wav'))).toMatchObject({ kind: 'timeout' })
    expect(h.stub.requests).toHaveLength(3)
    await expect.poll(() => h!.stub.activeRequests()).toBe(0)
    await h.close()

    h = await startAiHarness()
    h.stub.setFault('listen', { kind: 'drop' })
    expect(await failure(h.ai.capabilities.stt().transcribe(wav, 'audio/wav'))).toMatchObject({ kind: 'network' })
    expect(h.stub.requests.filter((r) => r.fault === 'drop')).toHaveLength(3)
  })
})

describe('Deepgram speak', () => {
  it('streams raw PCM chunk by chunk, and retries a drop before the first byte', async () => {
    h = await startAiHarness({ stub: { latency: { firstAudioByteMs: 20, audioChunkIntervalMs: 10 } } })
    h.stub.setFault('speak', { kind: 'drop', afterChunks: 0 }, 1)
    const text = 'Could you tell me more?'
    const chunks = await collect(h.ai.capabilities.tts().stream({ text, format: 'pcm' }))
    expect(chunks.reduce((s, c) => s + c.byteLength, 0)).toBe(Math.round(text.length * 0.06 * 24_000) * 2)
    expect(chunks.length).toBeGreaterThan(3)
    const last = h.stub.requests.at(-1)!
    expect(last.query).toMatchObject({
      model: 'aura-2-thalia-en',
      encoding: 'linear16',
      sample_rate: '24000',
      container: 'none',
    })
    expect(last.json).toEqual({ text })
  })

  it('a drop mid-audio reaches the caller after the chunks already played', async () => {
    h = await startAiHarness()
    h.stub.setFault('speak', { kind: 'drop', afterChunks: 3 }, 1)
    const got: Uint8Array[] = []
    const error = await failure(
      (async () => {
        for await (const chunk of h!.ai.capabilities
          .tts()
          .stream({ text: 'A longer sentence so there are many chunks to send.', format: 'pcm' }))
          got.push(chunk)
      })(),
    )
    expect(error.kind).toBe('network')
    expect(got.reduce((s, c) => s + c.byteLength, 0)).toBeGreaterThan(0)
    expect(h.stub.requests).toHaveLength(1)
  })

  it('refuses text that is empty or too long without calling', async () => {
    h = await startAiHarness()
    expect(() => h!.ai.capabilities.tts().stream({ text: '   ' })).toThrow(AiError)
    expect(() => h!.ai.capabilities.tts().stream({ text: 'x'.repeat(2001) })).toThrow(/too long/)
    expect(h.stub.requests).toHaveLength(0)
  })
})

describe('Deepgram live', () => {
  // Deepgram measures UtteranceEnd in audio time, so the silence after the answer has to be sent too.
  const answer = () =>
    concat(silence(300), syntheticSpeech('my answer is about caching and queues', RATE), silence(1500))

  it('streams interim and final results, marks the end of speech, sends UtteranceEnd, and bills the audio', async () => {
    h = await startAiHarness({ stub: { latency: { sttFinalDelayMs: 150, interimEveryMs: 200 } } })
    h.stub.setScript({ transcripts: ['My answer is about caching and queues.'] })
    const session = await h.ai.capabilities
      .stt()
      .live({ encoding: 'linear16', sampleRate: RATE, scope: { interviewId: 'iv-live' } })
    const { events, done } = gather(session)
    await play(session, answer())
    await expect.poll(() => events.some((e) => e.type === 'utterance_end'), { timeout: 3000 }).toBe(true)
    await session.finish()
    await done

    const kinds = events.map((e) => e.type)
    expect(kinds.filter((k) => k === 'interim').length).toBeGreaterThan(1)
    const final = events.find((e) => e.type === 'final')!
    expect(final).toMatchObject({ text: 'My answer is about caching and queues.', speechFinal: true })
    expect(final.words).toHaveLength(7)
    expect(kinds.indexOf('final')).toBeLessThan(kinds.indexOf('utterance_end'))
    expect(kinds.lastIndexOf('interim')).toBeLessThan(kinds.indexOf('final'))

    const log = h.stub.requests.find((r) => r.route === 'listen-live')!
    expect(log.query).toMatchObject({
      encoding: 'linear16',
      sample_rate: '16000',
      interim_results: 'true',
      endpointing: '300',
      utterance_end_ms: '1000',
      model: 'nova-3',
    })
    expect(log.controlMessages).toEqual(['CloseStream'])
    expect(log.sent).toContain('Metadata')
    await expect.poll(() => h!.stub.liveSessions()).toBe(0)
    const billed = await h.ai.usage.forInterview('iv-live')
    expect(billed.calls).toBe(1)
    expect(billed.audioSeconds).toBeCloseTo(answer().byteLength / (RATE * 2), 2)
  })

  it('finish() flushes speech still in progress as a final', async () => {
    h = await startAiHarness()
    h.stub.setScript({ transcripts: ['Cut short.'] })
    const session = await h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: RATE })
    const { events, done } = gather(session)
    await play(session, syntheticSpeech('cut short', RATE))
    await session.finish()
    await done
    expect(events.filter((e) => e.type === 'final').map((e) => e.text)).toEqual(['Cut short.'])
  })

  it('retries a refused upgrade (429 with Retry-After), and never a rejected key', async () => {
    h = await startAiHarness()
    h.stub.setFault('listen-live', { kind: 'rate_limit', retryAfterSec: 1 }, 1)
    const started = performance.now()
    const session = await h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: RATE })
    expect(performance.now() - started).toBeGreaterThanOrEqual(990)
    expect(h.notices[0]!.message).toBe('Deepgram rate limited, retrying in 1 s')
    session.close()

    h.stub.setAcceptedKeys(['another-key'])
    const before = h.stub.requests.length
    expect(await failure(h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: RATE }))).toMatchObject({
      kind: 'auth',
      status: 401,
      message: 'Deepgram rejected the key',
    })
    expect(h.stub.requests.length - before).toBe(1)
  })

  it('a dropped socket ends the events with a network error; a malformed frame is skipped', async () => {
    h = await startAiHarness()
    h.stub.setFault('listen-live', { kind: 'malformed' }, 1)
    const skipping = await h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: RATE })
    const first = gather(skipping)
    await play(skipping, answer())
    await skipping.finish()
    await first.done
    expect(first.events.some((e) => e.type === 'final')).toBe(true)

    h.stub.setFault('listen-live', { kind: 'drop', afterChunks: 5 }, 1)
    const dropping = await h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: RATE })
    const second = gather(dropping)
    await play(dropping, answer())
    const error = await failure(second.done)
    expect(error).toMatchObject({ kind: 'network', provider: 'deepgram' })
    expect((await h.ai.usageSummary()).byCapability.stt.failedCalls).toBe(1)
  })

  it('a provider that never answers makes finish() fail with a timeout, and the socket is closed', async () => {
    h = await startAiHarness({ ai: { timeoutsMs: { stt: 200 } } })
    h.stub.setFault('listen-live', { kind: 'hang' }, 1)
    const session = await h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: RATE })
    const { done } = gather(session)
    await play(session, answer())
    expect(await failure(session.finish())).toMatchObject({
      kind: 'timeout',
      message: 'Deepgram did not answer within 1 s',
    })
    await expect(done).rejects.toBeInstanceOf(AiError)
    await expect.poll(() => h!.stub.liveSessions()).toBe(0)
  })
})
