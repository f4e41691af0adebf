import { z } from 'zod'
import { request } from './define'

export const aiProviderSchema = z.enum(['openai', 'deepgram'])
export type AiProvider = z.infer<typeof aiProviderSchema>

export const aiCapabilitySchema = z.enum(['chat', 'embeddings', 'stt', 'tts'])
export type AiCapability = z.infer<typeof aiCapabilitySchema>

/** A model name as providers spell them ("gpt-4o-mini", "nova-3", "aura-2-thalia-en"). */
const modelName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, 'Model names are letters, digits, dots, dashes and colons')

const voiceName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'Voice names are letters, digits, dots and dashes')

/**
 * Which provider and model serves each capability. Only OpenAI offers chat and embeddings; speech
 * goes either way. Every field has a default so an older stored value stays valid.
 */
export const aiSettingsSchema = z.object({
  chat: z
    .object({ provider: z.literal('openai'), model: modelName })
    .default({ provider: 'openai', model: 'gpt-4o-mini' }),
  embeddings: z
    .object({ provider: z.literal('openai'), model: modelName })
    .default({ provider: 'openai', model: 'text-embedding-3-small' }),
  stt: z.object({ provider: aiProviderSchema, model: modelName }).default({ provider: 'deepgram', model: 'nova-3' }),
  tts: z
    .object({ provider: aiProviderSchema, model: modelName, voice: voiceName.optional() })
    .default({ provider: 'deepgram', model: 'aura-2-thalia-en' }),
  /** Spending limit per interview in US dollars; null means no limit. */
  perInterviewBudgetUsd: z.number().min(0).max(1000).nullable().default(2),
})
export type AiSettings = z.infer<typeof aiSettingsSchema>

export const aiSettingsPatchSchema = z
  .object({
    chat: aiSettingsSchema.shape.chat.unwrap(),
    embeddings: aiSettingsSchema.shape.embeddings.unwrap(),
    stt: aiSettingsSchema.shape.stt.unwrap(),
    tts: aiSettingsSchema.shape.tts.unwrap(),
    perInterviewBudgetUsd: z.number().min(0).max(1000).nullable(),
  })
  .partial()
  .strict()

export type CircuitState = 'closed' | 'open' | 'half_open'

export interface AiCapabilityStatus {
  provider: AiProvider
  model: string
  /** True when the provider's key is set and its circuit is not open. */
  available: boolean
  /** Why it is not available, in words a recruiter understands. */
  reason: string | null
  circuit: CircuitState
}

export interface AiModelChoice {
  provider: AiProvider
  model: string
  /** The rates from the price table, e.g. "$0.15 / 1M input tokens, $0.60 / 1M output tokens". */
  price: string
}

export interface AiSettingsView {
  settings: AiSettings
  status: Record<AiCapability, AiCapabilityStatus>
  /** The models the price table knows, per capability; only these can be chosen. */
  choices: Record<AiCapability, AiModelChoice[]>
}

export interface AiConnectionTestResult {
  capability: AiCapability
  provider: AiProvider
  model: string
  ok: boolean
  latencyMs: number
  message: string
}

export interface AiUsageTotals {
  calls: number
  failedCalls: number
  inputTokens: number
  outputTokens: number
  audioSeconds: number
  characters: number
  costUsd: number
}

export interface AiUsageSummary extends AiUsageTotals {
  /** YYYY-MM in local time. */
  month: string
  currency: 'USD'
  byCapability: Record<AiCapability, AiUsageTotals>
}

/** Something a recruiter should know about AI calls right now ("rate limited, retrying in 4 s"). */
export interface AiNotice {
  provider: AiProvider
  capability: AiCapability
  level: 'info' | 'warning' | 'error'
  message: string
  at: number
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Month is YYYY-MM')

export const aiRequests = {
  'ai.getSettings': request<AiSettingsView>()(z.object({}).strict()),
  'ai.updateSettings': request<AiSettingsView>()(aiSettingsPatchSchema),
  'ai.testConnection': request<AiConnectionTestResult>()(z.object({ capability: aiCapabilitySchema }).strict()),
  'ai.usage': request<AiUsageSummary>()(z.object({ month: month.optional() }).strict()),
}

export const aiEvents = {
  'ai.notice': z.custom<AiNotice>(),
}
