import type { Generated } from 'kysely'

/*
 * The AI layer's tables. Both are local to this machine (not synced): usage is what this device
 * spent, settings are which provider and model this device uses.
 */

/** One finished AI call: what it used and what it cost, billed to an interview and/or a job. */
export interface AiUsageTable {
  seq: Generated<number>
  /** Epoch milliseconds when the call finished. */
  at: number
  /** YYYY-MM in local time, so monthly totals are one indexed lookup. */
  month: string
  provider: 'openai' | 'deepgram'
  capability: 'chat' | 'embeddings' | 'stt' | 'tts'
  model: string
  interview_id: string | null
  job_id: string | null
  input_tokens: number
  output_tokens: number
  audio_ms: number
  characters: number
  /** Billionths of a US dollar, so sums stay exact. */
  cost_nano: number
  /** 1 when the provider did not report usage (a cancelled stream) and we counted it ourselves. */
  estimated: number
  outcome: 'ok' | 'error' | 'cancelled'
  error_kind: string | null
  latency_ms: number
}

export interface AiSettingsTable {
  key: string
  /** JSON, validated with aiSettingsSchema on read. */
  value: string
  updated_at: number
}

export interface AiTables {
  ai_usage: AiUsageTable
  ai_settings: AiSettingsTable
}
