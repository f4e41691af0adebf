import { describe, expect, it } from 'vitest'
import { preferencesPatchSchema, type Preferences } from '@shared/contract/foundation'
import { createPreferences } from '@core/settings/preferences'
import { createTempStudio } from '../../helpers/temp-studio'

/** A store whose writes take a while, like the desktop app's (a call to the main process, then disk). */
function slowStore() {
  let saved: unknown = {}
  return {
    read: () => saved,
    write: (value: Preferences) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          saved = value
          resolve()
        }, 5),
      ),
    saved: () => saved,
  }
}

describe('preferences', () => {
  it('keeps both of two quick changes: neither write starts from the preferences before the other', async () => {
    const store = slowStore()
    const preferences = createPreferences(store)
    await Promise.all([preferences.update({ theme: 'dark' }), preferences.update({ updateChannel: 'beta' })])
    expect(store.saved()).toMatchObject({ theme: 'dark', updateChannel: 'beta' })
    expect(preferences.get()).toMatchObject({ theme: 'dark', updateChannel: 'beta' })
  })

  it('leaves the old preferences in force when a write is refused, and goes on with the next', async () => {
    let refuse = true
    const preferences = createPreferences({
      read: () => ({}),
      write: async () => {
        if (refuse) throw new Error('disk full')
      },
    })
    await expect(preferences.update({ theme: 'dark' })).rejects.toThrow('disk full')
    expect(preferences.get().theme).toBe('system')
    refuse = false
    await expect(preferences.update({ reducedMotion: true })).resolves.toMatchObject({
      theme: 'system',
      reducedMotion: true,
    })
  })
})

describe('settings.update', () => {
  it('changes only the fields it names (zod 4 fills defaults inside .partial(), which reset the others)', async () => {
    const { studio } = await createTempStudio()
    try {
      const recruiter = { audience: 'recruiter' as const }
      await studio.dispatch('settings.update', { theme: 'dark', workerConcurrency: 3 }, recruiter)
      const result = await studio.dispatch('settings.update', { updateChannel: 'beta' }, recruiter)
      expect(result).toMatchObject({ ok: true, value: { theme: 'dark', workerConcurrency: 3, updateChannel: 'beta' } })
      expect(preferencesPatchSchema.parse({ reducedMotion: true })).toEqual({ reducedMotion: true })
    } finally {
      await studio.close()
    }
  })
})
