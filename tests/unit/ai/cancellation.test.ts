import { afterEach, describe, expect, it } from 'vitest'
import { AiError } from '@core/ai/errors'
import { syntheticSpeech } from '../../harness/ai-stub/audio'
import { startAiHarness, type AiHarness } from './harness'

let h: AiHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const ask = { messages: [{ role: 'user' as const, content: 'Tell me a long story.' }] }
const LONG = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')

/** Resources that keep a process alive: sockets, servers and timers. */
const handles = () =>
  process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap' || r === 'Timeout')
    .length

describe('cancellation closes sockets', () => {
  it('aborting a chat stream mid-way closes its request and bills what was sent as an estimate', async () => {
    h = await startAiHarness({ stub: { latency: { tokenIntervalMs: 20 } } })
    h.stub.setScript({ chat: [{ reply: LONG }] })
    const controller = new AbortController()
    const seen: string[] = []
    const error = await (async () => {
      for await (const part of h!.ai.capabilities
        .chat()
        .stream({ ...ask, signal: controller.signal, scope: { interviewId: 'iv-x' } })) {
        seen.push(part)
        if (seen.length === 3) controller.abort()
      }
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AiError)
    expect((error as AiError).kind).toBe('cancelled')
    expect(seen.length).toBeLessThan(6)
    await expect.poll(() => h!.stub.activeRequests()).toBe(0)
    const summary = await h.ai.usageSummary()
    expect(summary.byCapability.chat).toMatchObject({ calls: 0, failedCalls: 0 })
    expect((await h.ai.usage.forInterview('iv-x')).outputTokens).toBeGreaterThan(0)
  })

  it('a consumer that stops reading (break) closes the chat and speech requests', async () => {
    h = await startAiHarness({ stub: { latency: { tokenIntervalMs: 20, audioChunkIntervalMs: 20 } } })
    h.stub.setScript({ chat: [{ reply: LONG }] })
    for await (const part of h.ai.capabilities.chat().stream(ask)) if (part) break
    for await (const chunk of h.ai.capabilities
      .tts()
      .stream({ text: 'A sentence long enough to need many chunks of audio.', format: 'pcm' }))
      if (chunk) break
    await expect.poll(() => h!.stub.activeRequests()).toBe(0)
    expect(h.stub.requests.every((r) => r.endedAt !== undefined)).toBe(true)
  })

  it('cancelling while a retry waits out Retry-After returns at once', async () => {
    h = await startAiHarness()
    h.stub.setFault('chat', { kind: 'rate_limit', retryAfterSec: 2 })
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 100)
    await expect(h.ai.capabilities.chat().complete({ ...ask, signal: controller.signal })).rejects.toMatchObject({
      kind: 'cancelled',
    })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('closing or aborting a live session closes its socket', async () => {
    h = await startAiHarness()
    const closed = await h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: 16_000 })
    closed.send(syntheticSpeech('hello', 16_000))
    expect(h.stub.liveSessions()).toBe(1)
    closed.close()
    await expect.poll(() => h!.stub.liveSessions()).toBe(0)

    const controller = new AbortController()
    const aborted = await h.ai.capabilities
      .stt()
      .live({ encoding: 'linear16', sampleRate: 16_000, signal: controller.signal })
    const reading = (async () => {
      for await (const _event of aborted.events) void _event
    })()
    controller.abort()
    await reading
    await expect.poll(() => h!.stub.liveSessions()).toBe(0)
    expect((await h.ai.usageSummary()).byCapability.stt).toMatchObject({ calls: 0, failedCalls: 0 })
  })

  it('leaves no sockets, servers or timers behind once the service and the stub are closed', async () => {
    const before = handles()
    h = await startAiHarness({ stub: { latency: { tokenIntervalMs: 5 } } })
    h.stub.setScript({ chat: [{ reply: LONG }] })
    await h.ai.capabilities.chat().complete(ask)
    for await (const part of h.ai.capabilities.chat().stream(ask)) if (part) break
    const live = await h.ai.capabilities.stt().live({ encoding: 'linear16', sampleRate: 16_000 })
    live.send(syntheticSpeech('hello', 16_000))
    h.stub.setFault('chat', { kind: 'hang' }, 1)
    const controller = new AbortController()
    const hung = h.ai.capabilities
      .chat()
      .complete({ ...ask, signal: controller.signal })
      .catch(() => undefined)
    setTimeout(() => controller.abort(), 50)
    await hung
    await h.close()
    h = undefined
    await expect.poll(handles, { timeout: 3000 }).toBeLessThanOrEqual(before)
  })
})
