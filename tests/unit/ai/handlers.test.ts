import { afterEach, describe, expect, it } from 'vitest'
import { aiOptionsFromEnv } from '@core/ai/env'
import type { Studio } from '@core/studio'
import { startAiStub, type AiStub } from '../../harness/ai-stub'
import { createTempStudio } from '../../helpers/temp-studio'
import { FAST, OPENAI_KEY } from './harness'

let studio: Studio | undefined
let stub: AiStub | undefined
afterEach(async () => {
  await studio?.close()
  await stub?.close()
  studio = stub = undefined
})

const recruiter = { audience: 'recruiter' as const }
const kiosk = { audience: 'kiosk' as const }

async function start(keyless = false) {
  stub = await startAiStub()
  ;({ studio } = await createTempStudio({
    startWorkers: false,
    ai: { openaiBaseUrl: stub.openaiBaseUrl, deepgramBaseUrl: stub.deepgramBaseUrl, keyless, ...FAST },
  }))
  return studio
}

describe('AI settings requests', () => {
  it('shows settings, availability and priced choices; changes a model; refuses unpriced models and the kiosk', async () => {
    const s = await start()
    const view = await s.dispatch('ai.getSettings', {}, recruiter)
    expect(view).toMatchObject({
      ok: true,
      value: {
        settings: {
          chat: { provider: 'openai', model: 'gpt-4o-mini' },
          stt: { provider: 'deepgram', model: 'nova-3' },
          perInterviewBudgetUsd: 2,
        },
        status: { chat: { available: false, reason: 'No OpenAI key is set (Settings → AI)', circuit: 'closed' } },
      },
    })
    if (!view.ok) return
    const choices = (view.value as { choices: Record<string, { provider: string; model: string }[]> }).choices
    expect(choices.tts!.map((c) => c.provider)).toEqual(expect.arrayContaining(['openai', 'deepgram']))

    expect(await s.dispatch('secrets.set', { name: 'openai.apiKey', value: OPENAI_KEY }, recruiter)).toMatchObject({
      ok: true,
    })
    const changed = await s.dispatch(
      'ai.updateSettings',
      { stt: { provider: 'openai', model: 'whisper-1' }, perInterviewBudgetUsd: 0.5 },
      recruiter,
    )
    expect(changed).toMatchObject({
      ok: true,
      value: {
        settings: { stt: { provider: 'openai', model: 'whisper-1' }, perInterviewBudgetUsd: 0.5 },
        status: { chat: { available: true }, stt: { available: true } },
      },
    })
    expect(JSON.stringify(changed)).not.toContain(OPENAI_KEY)

    const unpriced = await s.dispatch(
      'ai.updateSettings',
      { chat: { provider: 'openai', model: 'gpt-9-ultra' } },
      recruiter,
    )
    expect(unpriced).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: ['chat: openai gpt-9-ultra is not in the price table'] },
    })
    expect(
      await s.dispatch('ai.updateSettings', { chat: { provider: 'deepgram', model: 'nova-3' } }, recruiter),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(
      await s.dispatch('ai.updateSettings', { tts: { provider: 'openai', model: 'tts-1; drop table' } }, recruiter),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    for (const name of ['ai.getSettings', 'ai.updateSettings', 'ai.testConnection', 'ai.usage']) {
      expect(await s.dispatch(name, {}, kiosk)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    // Settings survive a restart: they are in the database.
    const dataDir = s.info().dataDir
    await s.close()
    ;({ studio } = await createTempStudio({
      dataDir,
      startWorkers: false,
      ai: { openaiBaseUrl: stub!.openaiBaseUrl, deepgramBaseUrl: stub!.deepgramBaseUrl },
    }))
    expect(studio.ai.view().settings.stt).toEqual({ provider: 'openai', model: 'whisper-1' })
  })

  it('tests each connection with a real call, says why one fails, and reports this month’s usage', async () => {
    const s = await start()
    expect(await s.dispatch('ai.testConnection', { capability: 'chat' }, recruiter)).toMatchObject({
      ok: true,
      value: { ok: false, provider: 'openai', message: 'No OpenAI key is set (Settings → AI)' },
    })
    await s.dispatch('secrets.set', { name: 'openai.apiKey', value: OPENAI_KEY }, recruiter)
    await s.dispatch('secrets.set', { name: 'deepgram.apiKey', value: 'dg-wrong-key-000000' }, recruiter)
    stub!.setAcceptedKeys([OPENAI_KEY])
    for (const capability of ['chat', 'embeddings'] as const) {
      const result = await s.dispatch('ai.testConnection', { capability }, recruiter)
      expect(result).toMatchObject({ ok: true, value: { ok: true, capability } })
    }
    for (const capability of ['stt', 'tts'] as const) {
      expect(await s.dispatch('ai.testConnection', { capability }, recruiter)).toMatchObject({
        ok: true,
        value: { ok: false, provider: 'deepgram', message: 'Deepgram rejected the key' },
      })
    }
    const usage = await s.dispatch('ai.usage', {}, recruiter)
    expect(usage).toMatchObject({
      ok: true,
      value: {
        calls: 2,
        failedCalls: 2,
        currency: 'USD',
        byCapability: {
          chat: { calls: 1 },
          embeddings: { calls: 1 },
          stt: { failedCalls: 1 },
          tts: { failedCalls: 1 },
        },
      },
    })
    expect(await s.dispatch('ai.usage', { month: '2026-13' }, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await s.dispatch('ai.testConnection', { capability: 'vision' }, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })

  it('with keyless demo mode on, a studio pointed at the stub works with no keys at all', async () => {
    const s = await start(true)
    expect(s.ai.capabilities.available('chat')).toBe(true)
    for (const capability of ['chat', 'embeddings', 'stt', 'tts'] as const) {
      expect(await s.dispatch('ai.testConnection', { capability }, recruiter)).toMatchObject({
        ok: true,
        value: { ok: true },
      })
    }
    expect(stub!.requests.every((r) => /panelist-demo-key-not-a-secret$/.test(r.headers.authorization ?? ''))).toBe(
      true,
    )
  })
})

describe('web host environment', () => {
  it('reads stub URLs for the demo, and refuses to send keys anywhere but this machine', () => {
    expect(
      aiOptionsFromEnv({
        PANELIST_OPENAI_BASE_URL: 'http://127.0.0.1:8787/v1/',
        PANELIST_DEEPGRAM_BASE_URL: 'http://localhost:8787',
        PANELIST_AI_KEYLESS: '1',
      }),
    ).toEqual({ openaiBaseUrl: 'http://127.0.0.1:8787/v1', deepgramBaseUrl: 'http://localhost:8787', keyless: true })
    expect(aiOptionsFromEnv({})).toEqual({ keyless: false })
    expect(() => aiOptionsFromEnv({ PANELIST_OPENAI_BASE_URL: 'https://evil.example/v1' })).toThrow(/on this machine/)
  })
})
