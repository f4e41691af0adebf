import { afterEach, describe, expect, it } from 'vitest'
import type { UpdateView } from '@shared/contract/updates'
import { StudioError } from '@shared/contract'
import { hostCallHandlers } from '@core/process/host-side'
import type { Studio } from '@core/studio'
import { DESKTOP_ONLY_UPDATES, type UpdatesHost } from '@core/updates/app'
import { createTempStudio } from '../../helpers/temp-studio'

const studios: Studio[] = []
afterEach(async () => {
  await Promise.all(studios.splice(0).map((studio) => studio.close()))
})

async function studioWith(updates?: UpdatesHost) {
  const { studio } = await createTempStudio(updates ? { updates } : {})
  studios.push(studio)
  return studio
}

const DOWNLOADED: UpdateView = {
  managedHere: true,
  status: { state: 'downloaded', version: '1.2.0' },
  summary: 'Version 1.2.0 is ready.',
  lastCheckedAt: 1,
  notes: 'Faster screening.',
}

describe('updates requests', () => {
  it('answer, in a host without an updater, that the desktop app installs updates, and refuse a restart', async () => {
    const studio = await studioWith()
    await expect(studio.dispatch('updates.get', {}, { audience: 'recruiter' })).resolves.toEqual({
      ok: true,
      value: DESKTOP_ONLY_UPDATES,
    })
    const restart = await studio.dispatch('updates.restart', {}, { audience: 'recruiter' })
    expect(restart).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it("reach the desktop app's updater, pass on its refusal, and are not the kiosk's to call", async () => {
    let checks = 0
    const studio = await studioWith({
      get: async () => DOWNLOADED,
      check: async () => {
        checks++
        return DOWNLOADED
      },
      restart: async () => {
        throw new StudioError('conflict', 'Close the candidate kiosk before restarting to update.')
      },
    })
    await expect(studio.dispatch('updates.check', {}, { audience: 'recruiter' })).resolves.toEqual({
      ok: true,
      value: DOWNLOADED,
    })
    expect(checks).toBe(1)
    await expect(studio.dispatch('updates.restart', {}, { audience: 'recruiter' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Close the candidate kiosk') },
    })
    for (const name of ['updates.get', 'updates.check', 'updates.restart'])
      await expect(studio.dispatch(name, {}, { audience: 'kiosk' })).resolves.toMatchObject({ ok: false })
    expect(checks).toBe(1)
  })

  it('are refused by a host that lends no updater', async () => {
    const handlers = hostCallHandlers({
      secrets: { get: () => undefined, set: () => {}, clear: () => {}, has: () => false, values: () => [] },
      preferenceStore: { read: () => ({}), write: () => {} },
      exitKiosk: () => {},
    })
    expect(() => handlers['updates.get']({})).toThrow(/does not update itself/)
  })
})
