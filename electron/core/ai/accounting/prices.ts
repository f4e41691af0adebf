import fs from 'node:fs'
import { z } from 'zod'
import { aiCapabilitySchema, aiProviderSchema, type AiModelChoice } from '../../../../shared/contract/ai'
import type { Capability, ProviderId } from '../types'

const rate = z.number().nonnegative().max(10_000).optional()

const modelPriceSchema = z
  .object({
    provider: aiProviderSchema,
    capability: aiCapabilitySchema,
    model: z.string().min(1).max(80),
    note: z.string().max(300).optional(),
    inputPerMillionTokens: rate,
    outputPerMillionTokens: rate,
    perAudioMinute: rate,
    /** Streaming speech-to-text, where the provider prices it apart. */
    perAudioMinuteLive: rate,
    perMillionCharacters: rate,
  })
  .strict()
export type ModelPrice = z.infer<typeof modelPriceSchema>

export const priceTableSchema = z
  .object({
    currency: z.literal('USD'),
    updated: z.string().max(40),
    note: z.string().max(1000).optional(),
    models: z.array(modelPriceSchema).min(1),
  })
  .strict()
export type PriceTable = z.infer<typeof priceTableSchema>

/** What one call used; every figure the price table can charge for. */
export interface UsageAmounts {
  inputTokens: number
  outputTokens: number
  audioSeconds: number
  characters: number
}

export const NO_USAGE: UsageAmounts = { inputTokens: 0, outputTokens: 0, audioSeconds: 0, characters: 0 }

/** Billionths of a dollar: sums of many tiny calls stay exact in an integer column. */
export const NANO_PER_USD = 1_000_000_000

export interface Prices {
  table: PriceTable
  find(provider: ProviderId, capability: Capability, model: string): ModelPrice | undefined
  /** Cost in nano-dollars; `live` selects the streaming speech-to-text rate where one exists. */
  costNano(provider: ProviderId, capability: Capability, model: string, usage: UsageAmounts, live?: boolean): number
  choices(capability: Capability): AiModelChoice[]
}

const money = (usd: number) => `$${usd < 0.01 ? usd.toString() : usd.toFixed(2)}`

function describe(price: ModelPrice): string {
  const parts: string[] = []
  if (price.inputPerMillionTokens !== undefined) parts.push(`${money(price.inputPerMillionTokens)} / 1M input tokens`)
  if (price.outputPerMillionTokens !== undefined)
    parts.push(`${money(price.outputPerMillionTokens)} / 1M output tokens`)
  if (price.perAudioMinute !== undefined) parts.push(`${money(price.perAudioMinute)} / audio minute`)
  if (price.perAudioMinuteLive !== undefined) parts.push(`${money(price.perAudioMinuteLive)} / live audio minute`)
  if (price.perMillionCharacters !== undefined) parts.push(`${money(price.perMillionCharacters)} / 1M characters`)
  return parts.join(', ')
}

export function createPrices(table: PriceTable): Prices {
  const key = (provider: string, capability: string, model: string) => `${provider}\u0000${capability}\u0000${model}`
  const byKey = new Map(table.models.map((m) => [key(m.provider, m.capability, m.model), m]))
  const find = (provider: ProviderId, capability: Capability, model: string) =>
    byKey.get(key(provider, capability, model))
  return {
    table,
    find,
    costNano(provider, capability, model, usage, live = false) {
      const price = find(provider, capability, model)
      if (!price) return 0
      // Rates are dollars per million units (or per minute); one unit at $1/M is 1,000 nano-dollars.
      const perMinute = (live ? price.perAudioMinuteLive : undefined) ?? price.perAudioMinute ?? 0
      const nano =
        usage.inputTokens * (price.inputPerMillionTokens ?? 0) * 1000 +
        usage.outputTokens * (price.outputPerMillionTokens ?? 0) * 1000 +
        ((usage.audioSeconds * perMinute) / 60) * NANO_PER_USD +
        usage.characters * (price.perMillionCharacters ?? 0) * 1000
      return Math.round(nano)
    },
    choices(capability) {
      return table.models
        .filter((m) => m.capability === capability)
        .map((m) => ({ provider: m.provider, model: m.model, price: describe(m) }))
    },
  }
}

export interface LoadedPrices {
  prices: Prices
  file: string
  /** Set when an override file could not be used and the shipped table was used instead. */
  warning?: string
}

/**
 * Reads the first price table that exists and is valid, in order (the user's override first, the
 * shipped file last). A broken override must not stop the studio, so it is skipped with a warning.
 */
export function loadPrices(files: string[]): LoadedPrices {
  const problems: string[] = []
  for (const file of files) {
    if (!fs.existsSync(file)) continue
    try {
      const table = priceTableSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
      return { prices: createPrices(table), file, warning: problems.length ? problems.join('; ') : undefined }
    } catch (error) {
      const why =
        error instanceof z.ZodError
          ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(', ')
          : String(error)
      problems.push(`${file} was not used (${why.slice(0, 300)})`)
    }
  }
  throw new Error(`No usable price table: ${problems.join('; ') || files.join(', ') + ' not found'}`)
}
