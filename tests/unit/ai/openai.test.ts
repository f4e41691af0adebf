import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { encodeWav } from '@core/audio/wav'
import { AiError } from '@core/ai/errors'
import { syntheticSpeech } from '../../harness/ai-stub/audio'
import { collect, OPENAI_KEY, startAiHarness, type AiHarness } from './harness'

let h: AiHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] })

async function failure(promise: Promise<unknown>): Promise<AiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AiError)
    return error as AiError
  }
  throw new Error('expected the call to fail')
}

const chatRows = (harness: AiHarness) => harness.stub.requests.filter((r) => r.route === 'chat')

describe('OpenAI chat', () => {
  it('streams the reply token by token, as the stub sends it, and records the reported usage', async () => {
    h = await startAiHarness({ stub: { latency: { firstTokenMs: 20, tokenIntervalMs: 15 } } })
    h.stub.setScript({
      chat: [{ when: { lastUserIncludes: 'experience' }, reply: 'Tell me about a project you are proud of.' }],
    })
    const arrivals: number[] = []
    const parts: string[] = []
    for await (const part of h.ai.capabilities
      .chat()
      .stream({ ...ask('Here is my experience.'), scope: { interviewId: 'iv-1', jobId: 'job-1' } })) {
      parts.push(part)
      arrivals.push(performance.now())
    }
    expect(parts.join('')).toBe('Tell me about a project you are proud of.')
    expect(parts.length).toBe(9)
    // Token-by-token: the first part arrived well before the last, so nothing was buffered whole.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(80)

    const request = chatRows(h)[0]!
    expect(request.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`)
    expect(request.json).toMatchObject({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true } })
    const totals = await h.ai.usage.forInterview('iv-1')
    // The stub reports ceil(chars/4)+4 prompt tokens and one token per word.
    expect(totals).toMatchObject({
      calls: 1,
      inputTokens: Math.ceil('Here is my experience.'.length / 4) + 4,
      outputTokens: 9,
    })
    expect(await h.ai.usage.forJob('job-1')).toEqual(totals)
  })

  it('completes a plain (unstreamed) request', async () => {
    h = await startAiHarness()
    h.stub.setScript({ chat: [{ reply: 'ok' }] })
    expect(await h.ai.capabilities.chat().complete({ ...ask('Reply ok'), maxTokens: 5 })).toBe('ok')
    expect(chatRows(h)[0]!.json).toMatchObject({ stream: false, max_completion_tokens: 5 })
  })

  it('returns validated structured output, repairs one bad answer, and fails clearly after two', async () => {
    h = await startAiHarness()
    const schema = z.object({ score: z.number().int().min(1).max(5), note: z.string().min(1) })
    h.stub.setScript({ chat: [{ reply: '```json\n{"score": 4, "note": "Specific and correct."}\n```', times: 1 }] })
    expect(
      await h.ai.capabilities.chat().structured({ ...ask('Evaluate'), schema, schemaName: 'answer evaluation' }),
    ).toEqual({
      score: 4,
      note: 'Specific and correct.',
    })
    expect(chatRows(h)[0]!.json).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'answer_evaluation', strict: false } },
    })

    h.stub.setScript({
      chat: [
        { when: { lastUserIncludes: 'could not be used' }, reply: '{"score": 2, "note": "Vague."}' },
        { reply: '{"score": 9, "note": ""}' },
      ],
    })
    expect(await h.ai.capabilities.chat().structured({ ...ask('Evaluate'), schema, schemaName: 'evaluation' })).toEqual(
      { score: 2, note: 'Vague.' },
    )
    const repair = chatRows(h).at(-1)!.json as { messages: { role: string; content: string }[] }
    expect(repair.messages.at(-2)).toEqual({ role: 'assistant', content: '{"score": 9, "note": ""}' })
    expect(repair.messages.at(-1)!.content).toMatch(/score: Too big/)

    h.stub.setScript({ chat: [{ reply: 'I would rather not answer in JSON.' }] })
    const before = chatRows(h).length
    const error = await failure(
      h.ai.capabilities.chat().structured({ ...ask('Evaluate'), schema, schemaName: 'evaluation' }),
    )
    expect(error.kind).toBe('invalid_output')
    expect(error.message).toMatch(/did not match the expected form twice/)
    expect(chatRows(h).length - before).toBe(2)
  })

  it('retries 500s and malformed bodies, then succeeds', async () => {
    h = await startAiHarness()
    h.stub.setScript({ chat: [{ reply: 'recovered' }] })
    h.stub.setFault('chat', { kind: 'server_error', status: 503 }, 1)
    h.stub.setFault('chat', { kind: 'malformed' }, 1)
    expect(await h.ai.capabilities.chat().complete(ask('hi'))).toBe('recovered')
    expect(chatRows(h).map((r) => r.fault ?? 'ok')).toEqual(['server_error', 'malformed', 'ok'])
    expect(h.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/^OpenAI error 503, retrying in \d s$/),
      expect.stringMatching(/^OpenAI error, retrying/),
    ])

    h.stub.setFault('chat', { kind: 'malformed' }, 1)
    expect((await collect(h.ai.capabilities.chat().stream(ask('hi')))).join('')).toBe('recovered')
  })

  it('waits out Retry-After on 429 and tells the recruiter', async () => {
    h = await startAiHarness()
    h.stub.setScript({ chat: [{ reply: 'after the wait' }] })
    h.stub.setFault('chat', { kind: 'rate_limit', retryAfterSec: 1 }, 1)
    const started = performance.now()
    expect(await h.ai.capabilities.chat().complete(ask('hi'))).toBe('after the wait')
    const rows = chatRows(h)
    expect(rows[1]!.startedAt - rows[0]!.startedAt).toBeGreaterThanOrEqual(990)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(h.notices[0]).toMatchObject({
      provider: 'openai',
      capability: 'chat',
      level: 'warning',
      message: 'OpenAI rate limited, retrying in 1 s',
    })
  })

  it('never retries a rejected key or a bad request', async () => {
    h = await startAiHarness()
    h.stub.setAcceptedKeys(['sk-some-other-key'])
    const rejected = await failure(h.ai.capabilities.chat().complete(ask('hi')))
    expect(rejected).toMatchObject({ kind: 'auth', status: 401, message: 'OpenAI rejected the key' })
    expect(rejected.message).not.toContain(OPENAI_KEY)
    expect(chatRows(h)).toHaveLength(1)

    h.stub.setAcceptedKeys(null)
    const bad = await failure(
      h.ai.capabilities.chat().complete({ messages: [{ role: 'user', content: 'x' }], temperature: 5 }),
    )
    expect(bad.kind).toBe('bad_request')
    expect(chatRows(h)).toHaveLength(2)
  })

  it('times out a hung request, retries, and succeeds', async () => {
    h = await startAiHarness({ ai: { timeoutsMs: { chat: 150 } } })
    h.stub.setScript({ chat: [{ reply: 'awake' }] })
    h.stub.setFault('chat', { kind: 'hang' }, 1)
    expect((await collect(h.ai.capabilities.chat().stream(ask('hi')))).join('')).toBe('awake')
    expect(h.notices[0]!.message).toMatch(/OpenAI is slow to answer, retrying/)
    // The hung request's socket was closed by our deadline, not left open.
    await expect.poll(() => h!.stub.activeRequests()).toBe(0)

    h.stub.setFault('chat', { kind: 'hang' })
    const error = await failure(h.ai.capabilities.chat().complete(ask('hi')))
    expect(error).toMatchObject({ kind: 'timeout', message: 'OpenAI did not answer within 1 s' })
  })

  it('times out on the provider going silent mid-stream (never a silently cut reply), not on a slow consumer', async () => {
    h = await startAiHarness({ ai: { timeoutsMs: { chat: 150 } } })
    h.stub.setScript({ chat: [{ reply: 'one two three' }] })
    const slowReader: string[] = []
    for await (const part of h.ai.capabilities.chat().stream(ask('hi'))) {
      slowReader.push(part)
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(slowReader.join('')).toBe('one two three')

    h.stub.setLatency({ tokenIntervalMs: 400 })
    const seen: string[] = []
    const error = await failure(
      (async () => {
        for await (const part of h!.ai.capabilities.chat().stream(ask('hi'))) seen.push(part)
      })(),
    )
    expect(seen).toEqual(['one'])
    expect(error.kind).toBe('timeout')
    expect(chatRows(h)).toHaveLength(2)
  })

  it('retries a drop before the first token, but reports a drop after it (no duplicated text)', async () => {
    h = await startAiHarness()
    h.stub.setScript({ chat: [{ reply: 'one two three four five' }] })
    h.stub.setFault('chat', { kind: 'drop', afterChunks: 0 }, 1)
    expect((await collect(h.ai.capabilities.chat().stream(ask('hi')))).join('')).toBe('one two three four five')

    h.stub.setFault('chat', { kind: 'drop', afterChunks: 2 }, 1)
    const seen: string[] = []
    const error = await failure(
      (async () => {
        for await (const part of h!.ai.capabilities.chat().stream(ask('hi'))) seen.push(part)
      })(),
    )
    expect(seen).toEqual(['one', ' two'])
    expect(error.kind).toBe('network')
    expect(error.message).toBe('Could not reach OpenAI, or the connection dropped')
    expect(chatRows(h)).toHaveLength(3)
    const month = await h.ai.usageSummary()
    expect(month.byCapability.chat).toMatchObject({ calls: 1, failedCalls: 1 })
  })
})

describe('OpenAI embeddings', () => {
  it('batches under the limit, keeps order, and bills each batch', async () => {
    h = await startAiHarness({ ai: { embeddingBatchSize: 2 } })
    const texts = ['alpha', 'beta', 'gamma', 'delta', 'epsilon']
    const vectors = await h.ai.capabilities.embeddings().embed(texts, { scope: { jobId: 'job-9' } })
    expect(vectors).toHaveLength(5)
    expect(vectors.every((v) => v.length === 64)).toBe(true)
    const batches = h.stub.requests
      .filter((r) => r.route === 'embeddings')
      .map((r) => (r.json as { input: string[] }).input)
    expect(batches).toEqual([['alpha', 'beta'], ['gamma', 'delta'], ['epsilon']])
    // Same text, same vector: order was kept across batches.
    const again = await h.ai.capabilities.embeddings().embed(['epsilon', 'alpha'])
    expect(again).toEqual([vectors[4], vectors[0]])
    expect((await h.ai.usage.forJob('job-9')).calls).toBe(3)
  })

  it('refuses empty texts without a call, and retries a dropped batch', async () => {
    h = await startAiHarness()
    expect((await failure(h.ai.capabilities.embeddings().embed(['fine', '  ']))).kind).toBe('bad_request')
    expect(h.stub.requests).toHaveLength(0)
    h.stub.setFault('embeddings', { kind: 'drop' }, 1)
    expect(await h.ai.capabilities.embeddings().embed(['fine'])).toHaveLength(1)
    expect(h.stub.requests).toHaveLength(2)
  })
})

describe('OpenAI audio', () => {
  const speech = () => encodeWav(syntheticSpeech('a short spoken answer for the test', 16_000), 16_000)

  it('transcribes a recorded file sent as multipart, with word timings from whisper-1', async () => {
    h = await startAiHarness()
    await h.ai.updateSettings({ stt: { provider: 'openai', model: 'whisper-1' } })
    h.stub.setScript({ transcripts: ['I would start by measuring where the time goes.'] })
    const transcript = await h.ai.capabilities
      .stt()
      .transcribe(speech(), 'audio/wav', { scope: { interviewId: 'iv-2' } })
    expect(transcript.text).toBe('I would start by measuring where the time goes.')
    expect(transcript.words).toHaveLength(9)
    expect(transcript.words[0]!.start).toBeLessThan(transcript.words[8]!.end)
    expect(transcript.durationSec).toBeCloseTo(2.04, 2)
    const form = h.stub.requests[0]!.form!
    expect(form).toMatchObject({
      model: 'whisper-1',
      response_format: 'verbose_json',
      'timestamp_granularities[]': 'word',
      file: speech().byteLength,
    })
    expect((await h.ai.usage.forInterview('iv-2')).audioSeconds).toBeCloseTo(2.04, 2)
  })

  it('streams speech in chunks as they arrive and recovers from a 500', async () => {
    h = await startAiHarness({ stub: { latency: { firstAudioByteMs: 30, audioChunkIntervalMs: 10 } } })
    await h.ai.updateSettings({ tts: { provider: 'openai', model: 'tts-1', voice: 'nova' } })
    h.stub.setFault('speech', { kind: 'server_error' }, 1)
    const text = 'Welcome to the interview.'
    const chunks = await collect(
      h.ai.capabilities.tts().stream({ text, format: 'pcm', scope: { interviewId: 'iv-3' } }),
    )
    const bytes = chunks.reduce((sum, c) => sum + c.byteLength, 0)
    // 24 kHz 16-bit mono, 60 ms a character: the stub's synthetic voice.
    expect(bytes).toBe(Math.round(text.length * 0.06 * 24_000) * 2)
    expect(chunks.length).toBeGreaterThan(3)
    expect(h.stub.requests.at(-1)!.json).toMatchObject({
      model: 'tts-1',
      voice: 'nova',
      response_format: 'pcm',
      input: text,
    })
    expect(await h.ai.usage.forInterview('iv-3')).toMatchObject({ calls: 1, characters: text.length })
  })
})
