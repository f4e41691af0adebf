import { preferencesSchema, type Preferences } from '../../../shared/contract/foundation'
import type { PreferenceStore } from './types'

export interface PreferencesService {
  get(): Preferences
  /** Persists first, then adopts: a write the store refuses leaves the old preferences in force. */
  update(patch: Partial<Preferences>): Promise<Preferences>
}

/** Reads through the schema so a hand-edited or older file falls back to defaults field by field. */
export function createPreferences(store: PreferenceStore): PreferencesService {
  const parse = (raw: unknown): Preferences => {
    const candidate = typeof raw === 'object' && raw !== null ? raw : {}
    const result = preferencesSchema.safeParse(candidate)
    if (result.success) return result.data
    const defaults = preferencesSchema.parse({})
    const fields = Object.fromEntries(
      Object.entries(candidate).filter(
        ([key, value]) => preferencesSchema.partial().safeParse({ [key]: value }).success,
      ),
    )
    return { ...defaults, ...fields }
  }
  let current = parse(store.read())
  // One write at a time, each on top of the last: two quick changes (a theme, then a channel) must
  // not each start from the preferences before the other and write the other's change away.
  let writing: Promise<unknown> = Promise.resolve()
  return {
    get: () => current,
    update(patch) {
      const written = writing.then(async () => {
        const next = preferencesSchema.parse({ ...current, ...patch })
        await store.write(next)
        current = next
        return current
      })
      writing = written.catch(() => undefined)
      return written
    },
  }
}
