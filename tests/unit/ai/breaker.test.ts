import { afterEach, describe, expect, it } from 'vitest'
import { AiError } from '@core/ai/errors'
import { FAST, startAiHarness, type AiHarness } from './harness'

let h: AiHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const ask = { messages: [{ role: 'user' as const, content: 'hi' }] }

describe('circuit breaker per provider, through real calls', () => {
  it('opens after 5 failed calls, refuses without calling, then half-opens and closes on 3 good probes', async () => {
    h = await startAiHarness({ ai: { retry: { ...FAST.retry, maxAttempts: 1 } } })
    const chat = h.ai.capabilities.chat()
    h.stub.setFault('chat', { kind: 'server_error' })
    for (let i = 0; i < 5; i++) await expect(chat.complete(ask)).rejects.toMatchObject({ kind: 'server' })
    expect(h.ai.breakerState('openai')).toBe('open')
    expect(h.notices.at(-1)).toMatchObject({
      provider: 'openai',
      level: 'error',
      message: 'OpenAI keeps failing; AI calls to it are paused for 60 s',
    })

    const refused = await chat.complete(ask).catch((e: AiError) => e)
    expect(refused).toMatchObject({
      kind: 'circuit_open',
      message: 'OpenAI keeps failing, so calls are paused for a moment (trying again in 60 s)',
    })
    expect(h.stub.requests).toHaveLength(5)
    expect(h.ai.capabilities.available('chat')).toBe(false)
    expect(h.ai.view().status.chat).toMatchObject({ available: false, circuit: 'open' })
    // Deepgram has its own circuit.
    expect(h.ai.capabilities.available('stt')).toBe(true)
    // A refused call never reached a provider, so it is not a usage row.
    expect((await h.ai.usageSummary()).byCapability.chat.failedCalls).toBe(5)

    h.stub.clearFaults()
    h.clock.advance(60_000)
    expect(h.ai.breakerState('openai')).toBe('half_open')
    for (let i = 0; i < 3; i++) await chat.complete(ask)
    expect(h.ai.breakerState('openai')).toBe('closed')
    expect(h.notices.at(-1)!.message).toBe('OpenAI is answering again')
  })

  it('a failed probe reopens it; a rejected key or bad request never counts', async () => {
    h = await startAiHarness({ ai: { retry: { ...FAST.retry, maxAttempts: 1 } } })
    const chat = h.ai.capabilities.chat()
    h.stub.setAcceptedKeys(['someone-else'])
    for (let i = 0; i < 6; i++) await expect(chat.complete(ask)).rejects.toMatchObject({ kind: 'auth' })
    expect(h.ai.breakerState('openai')).toBe('closed')
    h.stub.setAcceptedKeys(null)

    h.stub.setFault('chat', { kind: 'drop' }, 5)
    for (let i = 0; i < 5; i++) await expect(chat.complete(ask)).rejects.toMatchObject({ kind: 'network' })
    h.clock.advance(60_000)
    h.stub.setFault('chat', { kind: 'server_error' }, 1)
    await expect(chat.complete(ask)).rejects.toMatchObject({ kind: 'server' })
    expect(h.ai.breakerState('openai')).toBe('open')
  })

  it('a connection test gets through an open circuit and closes it when it succeeds', async () => {
    h = await startAiHarness({ ai: { retry: { ...FAST.retry, maxAttempts: 1 } } })
    h.stub.setFault('chat', { kind: 'server_error' }, 5)
    for (let i = 0; i < 5; i++) await expect(h.ai.capabilities.chat().complete(ask)).rejects.toBeInstanceOf(AiError)
    expect(h.ai.breakerState('openai')).toBe('open')
    const result = await h.ai.testConnection('chat')
    expect(result).toMatchObject({ ok: true, provider: 'openai', model: 'gpt-4o-mini' })
    expect(result.message).toMatch(/^OpenAI answered with gpt-4o-mini in \d+ ms$/)
    expect(h.ai.breakerState('openai')).toBe('closed')
  })
})
