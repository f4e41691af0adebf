import path from 'node:path'
import type { Kysely } from 'kysely'
import type {
  AiCapabilityStatus,
  AiNotice,
  AiSettings,
  AiSettingsView,
  AiUsageSummary,
} from '../../../shared/contract/ai'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import type { SecretStore } from '../settings/types'
import { createBudgetGuard } from './accounting/budget'
import { loadPrices, NANO_PER_USD, type Prices } from './accounting/prices'
import { createUsageStore, monthOf, toUsd, type UsageStore, type UsageTotalsNano } from './accounting/usage-store'
import { createChat } from './capabilities/chat'
import type { CapabilityContext } from './capabilities/context'
import { createEmbeddings } from './capabilities/embeddings'
import { createSpeechToText } from './capabilities/stt'
import { createTextToSpeech } from './capabilities/tts'
import { testConnection } from './connection-test'
import { AiError, messageFor, PROVIDER_NAMES } from './errors'
import { createOpenAiClients } from './openai/client'
import { createPromptLibrary, type PromptLibrary } from './prompts/library'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './resilience/backoff'
import { createCallRunner, type CallRunner } from './resilience/call-runner'
import {
  createCircuitBreaker,
  DEFAULT_BREAKER_POLICY,
  type BreakerPolicy,
  type CircuitBreaker,
} from './resilience/circuit-breaker'
import { createAiSettingsStore } from './settings-store'
import type { AiCapabilities, Capability, LiveTranscription, ProviderId } from './types'

export const DEFAULT_TIMEOUTS_MS: Record<Capability, number> = {
  chat: 45_000,
  embeddings: 30_000,
  stt: 30_000,
  tts: 20_000,
}

/** A key that is obviously not one, sent only to a stand-in server when no real key is set. */
export const DEMO_KEY = 'panelist-demo-key-not-a-secret'

/** Knobs for tests and the demo host; the desktop app uses the defaults. */
export interface AiOptions {
  /** OpenAI-compatible base URL, e.g. the wire stub's http://127.0.0.1:PORT/v1. */
  openaiBaseUrl?: string
  /** Deepgram base URL, e.g. the wire stub's http://127.0.0.1:PORT. */
  deepgramBaseUrl?: string
  /** With both base URLs overridden, calls go out with a placeholder key when none is set (keyless demo). */
  keyless?: boolean
  timeoutsMs?: Partial<Record<Capability, number>>
  retry?: Partial<RetryPolicy>
  breaker?: Partial<BreakerPolicy>
  embeddingBatchSize?: number
}

export interface AiServiceDeps extends AiOptions {
  db: Kysely<Database>
  secrets: SecretStore
  clock: Clock
  logger: Logger
  random?: () => number
  resourcesDir: string
  dataDir: string
  notify?: (notice: AiNotice) => void
}

export interface AiService {
  capabilities: AiCapabilities
  prompts: PromptLibrary
  usage: UsageStore
  prices(): Prices
  view(): AiSettingsView
  updateSettings(patch: Partial<AiSettings>): Promise<AiSettingsView>
  testConnection: ReturnType<typeof testConnection>
  usageSummary(month?: string): Promise<AiUsageSummary>
  breakerState(provider: ProviderId): ReturnType<CircuitBreaker['state']>
  /** Closes live sessions still open. */
  close(): void
}

const CAPABILITIES: Capability[] = ['chat', 'embeddings', 'stt', 'tts']
const SECRET_OF = { openai: 'openai.apiKey', deepgram: 'deepgram.apiKey' } as const

function totalsInUsd(t: UsageTotalsNano) {
  const { costNano, ...rest } = t
  return { ...rest, costUsd: toUsd(costNano) }
}

export async function createAiService(deps: AiServiceDeps): Promise<AiService> {
  const random = deps.random ?? Math.random
  const notify = deps.notify ?? (() => {})
  const loaded = loadPrices([path.join(deps.dataDir, 'prices.json'), path.join(deps.resourcesDir, 'prices.json')])
  if (loaded.warning) deps.logger.warn('price table override ignored', { warning: loaded.warning })
  const prices = () => loaded.prices
  const usage = createUsageStore(deps.db)
  const settings = await createAiSettingsStore(deps.db, deps.clock, prices, deps.logger)
  const prompts = createPromptLibrary(path.join(deps.resourcesDir, 'prompts'))
  const timeoutsMs = { ...DEFAULT_TIMEOUTS_MS, ...deps.timeoutsMs }
  const retry = { ...DEFAULT_RETRY_POLICY, ...deps.retry }
  const breakerPolicy = { ...DEFAULT_BREAKER_POLICY, ...deps.breaker }
  const keyless = deps.keyless === true && deps.openaiBaseUrl !== undefined && deps.deepgramBaseUrl !== undefined

  const breakers: Record<ProviderId, CircuitBreaker> = {
    openai: createCircuitBreaker(breakerPolicy, deps.clock, (state) => onBreaker('openai', state)),
    deepgram: createCircuitBreaker(breakerPolicy, deps.clock, (state) => onBreaker('deepgram', state)),
  }
  function onBreaker(provider: ProviderId, state: string) {
    const name = PROVIDER_NAMES[provider]
    deps.logger.warn('ai circuit changed', { provider, state })
    const capability = CAPABILITIES.find((c) => settings.get()[c].provider === provider) ?? 'chat'
    if (state === 'open') {
      notify({
        provider,
        capability,
        level: 'error',
        message: `${name} keeps failing; AI calls to it are paused for ${Math.round(breakerPolicy.openMs / 1000)} s`,
        at: deps.clock.now(),
      })
    } else if (state === 'closed') {
      notify({ provider, capability, level: 'info', message: `${name} is answering again`, at: deps.clock.now() })
    }
  }

  const capPerInterviewNano = () => {
    const usd = settings.get().perInterviewBudgetUsd
    return usd === null ? null : Math.round(usd * NANO_PER_USD)
  }
  const budget = createBudgetGuard(usage, capPerInterviewNano)

  const hasKey = (provider: ProviderId) => keyless || deps.secrets.has(SECRET_OF[provider])
  const key = (provider: ProviderId, capability: Capability) => {
    const value = deps.secrets.get(SECRET_OF[provider])
    if (value) return value
    if (keyless) return DEMO_KEY
    throw new AiError({ kind: 'not_configured', provider, capability, message: messageFor('not_configured', provider) })
  }

  const live = new Set<LiveTranscription>()
  const openai = createOpenAiClients({ baseURL: deps.openaiBaseUrl })
  const runnerWith = (overrides: Partial<Parameters<typeof createCallRunner>[0]>): CallRunner =>
    createCallRunner({
      breakers,
      retry,
      timeoutsMs,
      usage,
      budget,
      prices,
      clock: deps.clock,
      random,
      notify,
      logger: deps.logger,
      ...overrides,
    })
  const contextWith = (runner: CallRunner): CapabilityContext => ({
    runner,
    settings: settings.get,
    key,
    openai,
    deepgramBaseUrl: deps.deepgramBaseUrl,
    prompts,
    clock: deps.clock,
    timeoutsMs,
    embeddingBatchSize: deps.embeddingBatchSize ?? 256,
    track(session) {
      live.add(session)
      return () => live.delete(session)
    },
  })
  const build = (ctx: CapabilityContext) => ({
    chat: createChat(ctx),
    embeddings: createEmbeddings(ctx),
    stt: createSpeechToText(ctx),
    tts: createTextToSpeech(ctx),
  })
  const real = build(contextWith(runnerWith({})))
  // A connection test answers at once: one attempt, not held back by an open circuit (a recruiter who
  // just fixed a key wants to know now); a success closes the real circuit.
  const alwaysClosed = () =>
    createCircuitBreaker({ ...breakerPolicy, failureThreshold: Number.MAX_SAFE_INTEGER }, deps.clock)
  const probing = build(
    contextWith(
      runnerWith({
        retry: { ...retry, maxAttempts: 1 },
        breakers: { openai: alwaysClosed(), deepgram: alwaysClosed() },
      }),
    ),
  )

  const capabilities: AiCapabilities = {
    chat: () => real.chat,
    embeddings: () => real.embeddings,
    stt: () => real.stt,
    tts: () => real.tts,
    available(capability) {
      const provider = settings.get()[capability].provider
      return hasKey(provider) && breakers[provider].state() !== 'open'
    },
  }

  const statusOf = (capability: Capability): AiCapabilityStatus => {
    const { provider, model } = settings.get()[capability]
    const circuit = breakers[provider].state()
    const reason = !hasKey(provider)
      ? messageFor('not_configured', provider)
      : circuit === 'open'
        ? `${PROVIDER_NAMES[provider]} keeps failing; calls are paused for a moment`
        : null
    return { provider, model, available: reason === null, reason, circuit }
  }

  const view = (): AiSettingsView => ({
    settings: settings.get(),
    status: Object.fromEntries(CAPABILITIES.map((c) => [c, statusOf(c)])) as AiSettingsView['status'],
    choices: Object.fromEntries(CAPABILITIES.map((c) => [c, prices().choices(c)])) as AiSettingsView['choices'],
  })

  return {
    capabilities,
    prompts,
    usage,
    prices,
    view,
    async updateSettings(patch) {
      await settings.update(patch)
      return view()
    },
    testConnection: testConnection({
      settings: settings.get,
      capabilities: probing,
      onSuccess: (provider) => breakers[provider].reset(),
    }),
    async usageSummary(month = monthOf(deps.clock.now())) {
      const byCapability = await usage.forMonth(month)
      const all = Object.values(byCapability).reduce(
        (sum, t) => ({
          calls: sum.calls + t.calls,
          failedCalls: sum.failedCalls + t.failedCalls,
          inputTokens: sum.inputTokens + t.inputTokens,
          outputTokens: sum.outputTokens + t.outputTokens,
          audioSeconds: sum.audioSeconds + t.audioSeconds,
          characters: sum.characters + t.characters,
          costNano: sum.costNano + t.costNano,
        }),
        { calls: 0, failedCalls: 0, inputTokens: 0, outputTokens: 0, audioSeconds: 0, characters: 0, costNano: 0 },
      )
      return {
        month,
        currency: 'USD',
        ...totalsInUsd(all),
        byCapability: Object.fromEntries(
          CAPABILITIES.map((c) => [c, totalsInUsd(byCapability[c])]),
        ) as AiUsageSummary['byCapability'],
      }
    },
    breakerState: (provider) => breakers[provider].state(),
    close() {
      for (const session of [...live]) session.close()
      live.clear()
    },
  }
}
