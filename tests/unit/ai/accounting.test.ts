import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createPrices, loadPrices, priceTableSchema } from '@core/ai/accounting/prices'
import { monthOf } from '@core/ai/accounting/usage-store'
import { AiError } from '@core/ai/errors'
import { tempDir } from '../../helpers/temp-studio'
import { collect, startAiHarness, type AiHarness } from './harness'

const shipped = path.resolve(__dirname, '../../../resources/prices.json')
const prices = () => createPrices(priceTableSchema.parse(JSON.parse(fs.readFileSync(shipped, 'utf8'))))

let h: AiHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('cost', () => {
  it('is exact, in billionths of a dollar, for tokens, audio minutes and characters', () => {
    const p = prices()
    const none = { inputTokens: 0, outputTokens: 0, audioSeconds: 0, characters: 0 }
    // gpt-4o-mini: $0.15 / 1M in, $0.60 / 1M out.
    expect(p.costNano('openai', 'chat', 'gpt-4o-mini', { ...none, inputTokens: 1234, outputTokens: 567 })).toBe(
      185_100 + 340_200,
    )
    expect(p.costNano('openai', 'embeddings', 'text-embedding-3-small', { ...none, inputTokens: 10 })).toBe(200)
    // nova-3: $0.0043 a minute recorded, $0.0077 live.
    expect(p.costNano('deepgram', 'stt', 'nova-3', { ...none, audioSeconds: 90 })).toBe(6_450_000)
    expect(p.costNano('deepgram', 'stt', 'nova-3', { ...none, audioSeconds: 90 }, true)).toBe(11_550_000)
    expect(p.costNano('openai', 'stt', 'whisper-1', { ...none, audioSeconds: 2.5 }, true)).toBe(250_000)
    // aura-2: $30 / 1M characters.
    expect(p.costNano('deepgram', 'tts', 'aura-2-thalia-en', { ...none, characters: 1000 })).toBe(30_000_000)
    expect(p.costNano('openai', 'chat', 'no-such-model', { ...none, inputTokens: 1000 })).toBe(0)
    expect(p.choices('stt').map((c) => `${c.provider}:${c.model}`)).toContain('deepgram:nova-3')
    expect(p.choices('chat').find((c) => c.model === 'gpt-4o-mini')!.price).toBe(
      '$0.15 / 1M input tokens, $0.60 / 1M output tokens',
    )
  })

  it('a price file in the data folder overrides the shipped one; a broken one is skipped with a warning', () => {
    const dir = tempDir()
    const override = path.join(dir, 'prices.json')
    fs.writeFileSync(
      override,
      JSON.stringify({
        currency: 'USD',
        updated: 'today',
        models: [{ provider: 'openai', capability: 'chat', model: 'gpt-4o-mini', inputPerMillionTokens: 1 }],
      }),
    )
    expect(
      loadPrices([override, shipped]).prices.costNano('openai', 'chat', 'gpt-4o-mini', {
        inputTokens: 1000,
        outputTokens: 1000,
        audioSeconds: 0,
        characters: 0,
      }),
    ).toBe(1_000_000)
    fs.writeFileSync(override, JSON.stringify({ currency: 'EUR', models: [] }))
    const loaded = loadPrices([override, shipped])
    expect(loaded.file).toBe(shipped)
    expect(loaded.warning).toMatch(/prices\.json was not used/)
    expect(() => loadPrices([override])).toThrow(/No usable price table/)
  })

  it('records the exact cost of a real call from the usage the provider reported', async () => {
    h = await startAiHarness()
    h.stub.setScript({ chat: [{ reply: 'one two three' }] })
    const messages = [
      { role: 'system' as const, content: 'You are terse.' },
      { role: 'user' as const, content: 'Count to three.' },
    ]
    await collect(h.ai.capabilities.chat().stream({ messages, scope: { interviewId: 'iv-cost' } }))
    const inputTokens = messages.reduce((s, m) => s + Math.ceil(m.content.length / 4) + 4, 0)
    const totals = await h.ai.usage.forInterview('iv-cost')
    expect(totals).toMatchObject({ calls: 1, inputTokens, outputTokens: 3, costNano: inputTokens * 150 + 3 * 600 })
    const month = await h.ai.usageSummary()
    expect(month.costUsd).toBeCloseTo((inputTokens * 150 + 3 * 600) / 1e9, 12)
  })
})

describe('usage totals', () => {
  it('per interview, per job and per month (local time)', async () => {
    h = await startAiHarness()
    const usage = (characters: number) => ({ inputTokens: 0, outputTokens: 0, audioSeconds: 0, characters })
    const row = (
      at: string,
      scope: { interviewId?: string; jobId?: string },
      chars: number,
      outcome: 'ok' | 'error' = 'ok',
    ) =>
      h!.ai.usage.record({
        at: new Date(at).getTime(),
        provider: 'deepgram',
        capability: 'tts',
        model: 'aura-2-thalia-en',
        scope,
        usage: usage(chars),
        costNano: chars * 30_000,
        estimated: false,
        outcome,
        latencyMs: 5,
      })
    await row('2026-03-10T12:00:00', { interviewId: 'a', jobId: 'j1' }, 100)
    await row('2026-03-11T12:00:00', { interviewId: 'a', jobId: 'j1' }, 50)
    await row('2026-03-12T12:00:00', { interviewId: 'b', jobId: 'j1' }, 10, 'error')
    await row('2026-04-01T12:00:00', { interviewId: 'c', jobId: 'j2' }, 7)
    expect(await h.ai.usage.forInterview('a')).toMatchObject({ calls: 2, characters: 150, costNano: 4_500_000 })
    expect(await h.ai.usage.forJob('j1')).toMatchObject({ calls: 2, failedCalls: 1, characters: 160 })
    const march = await h.ai.usageSummary('2026-03')
    expect(march).toMatchObject({ month: '2026-03', calls: 2, failedCalls: 1, characters: 160, costUsd: 0.0048 })
    expect(march.byCapability.tts.calls).toBe(2)
    expect(march.byCapability.chat.calls).toBe(0)
    expect((await h.ai.usageSummary('2026-04')).characters).toBe(7)
    expect(monthOf(new Date(2026, 0, 31, 23, 59).getTime())).toBe('2026-01')
  })
})

describe('per-interview budget', () => {
  const hello = 'Hello there.' // 12 characters at $30 / 1M = 360,000 nano-dollars.

  it('refuses the call that would pass the cap, before it reaches the provider, counting calls in flight', async () => {
    h = await startAiHarness()
    await h.ai.updateSettings({ perInterviewBudgetUsd: 0.001 })
    const speak = (interviewId: string) =>
      collect(h!.ai.capabilities.tts().stream({ text: hello, format: 'pcm', scope: { interviewId } }))
    await speak('iv-b')
    await speak('iv-b')
    const before = h.stub.requests.length
    const refused = await speak('iv-b').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AiError)
    expect(refused).toMatchObject({
      kind: 'budget',
      message: 'This interview has used $0.00072 of its $0.001 AI budget; this call would pass it',
    })
    expect(h.stub.requests.length).toBe(before)
    expect((await h.ai.usage.forInterview('iv-b')).costNano).toBe(720_000)

    // Another interview has its own budget, and work without an interview is not capped.
    await speak('iv-other')
    await collect(h.ai.capabilities.tts().stream({ text: hello }))

    // Two calls at once with room for one: the second sees the first's reservation.
    const results = await Promise.allSettled([speak('iv-c'), speak('iv-c'), speak('iv-c')])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected'])

    await h.ai.updateSettings({ perInterviewBudgetUsd: null })
    await speak('iv-b')
  })
})
