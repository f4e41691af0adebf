import type { Kysely } from 'kysely'
import { aiSettingsSchema, type AiCapability, type AiSettings } from '../../../shared/contract/ai'
import { StudioError } from '../../../shared/contract/errors'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import type { Prices } from './accounting/prices'

const KEY = 'settings'
const CAPABILITIES: AiCapability[] = ['chat', 'embeddings', 'stt', 'tts']

export interface AiSettingsStore {
  get(): AiSettings
  update(patch: Partial<AiSettings>): Promise<AiSettings>
}

/**
 * AI settings live in SQLite beside the usage they explain. Read once at start-up (a stored value
 * that no longer validates falls back to defaults) and kept in memory, since every call reads them.
 */
export async function createAiSettingsStore(
  db: Kysely<Database>,
  clock: Clock,
  prices: () => Prices,
  logger: Logger,
): Promise<AiSettingsStore> {
  const row = await db.selectFrom('ai_settings').select('value').where('key', '=', KEY).executeTakeFirst()
  let current = aiSettingsSchema.parse({})
  if (row) {
    try {
      current = aiSettingsSchema.parse(JSON.parse(row.value))
    } catch (error) {
      logger.warn('stored AI settings were unreadable; using defaults', {
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
  return {
    get: () => current,
    async update(patch) {
      const next = aiSettingsSchema.parse({ ...current, ...patch })
      // Only models the price table knows can be chosen: every call must be costed and budgeted.
      const unpriced = CAPABILITIES.filter((c) => patch[c] && !prices().find(next[c].provider, c, next[c].model))
      if (unpriced.length) {
        throw new StudioError(
          'invalid_input',
          'No price is known for that model; add it to prices.json first',
          unpriced.map((c) => `${c}: ${next[c].provider} ${next[c].model} is not in the price table`),
        )
      }
      await db
        .insertInto('ai_settings')
        .values({ key: KEY, value: JSON.stringify(next), updated_at: clock.now() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next), updated_at: clock.now() }))
        .execute()
      current = next
      return current
    },
  }
}
