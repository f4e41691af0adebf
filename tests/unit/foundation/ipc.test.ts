import { afterEach, describe, expect, it } from 'vitest'
import { requests } from '@shared/contract'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

const recruiter = { audience: 'recruiter' as const }
const kiosk = { audience: 'kiosk' as const }

describe('IPC dispatch', () => {
  it('returns typed errors for unknown requests and bad payloads, and keeps serving', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    expect(await studio.dispatch('fs.readFile', { path: '/etc/passwd' }, recruiter)).toEqual({
      ok: false,
      error: { code: 'unknown_request', message: 'Unknown request fs.readFile' },
    })
    expect(await studio.dispatch('__proto__', {}, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'unknown_request' },
    })
    expect(await studio.dispatch(42, {}, recruiter)).toMatchObject({ ok: false, error: { code: 'unknown_request' } })

    const bad = await studio.dispatch('settings.update', { theme: 'neon', extra: true }, recruiter)
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input')
      expect(bad.error.issues!.join(' ')).toMatch(/theme/)
    }
    expect(await studio.dispatch('queue.cancel', { id: 'x'.repeat(10_000) }, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await studio.dispatch('queue.cancel', { id: 'missing' }, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(await studio.dispatch('settings.update', 'not an object', recruiter)).toMatchObject({ ok: false })

    const good = await studio.dispatch('settings.update', { theme: 'dark' }, recruiter)
    expect(good).toMatchObject({ ok: true, value: { theme: 'dark' } })
  })

  it('keeps the kiosk away from recruiter requests', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    for (const name of ['settings.get', 'secrets.status', 'queue.list', 'kiosk.setPin', 'app.info']) {
      expect(await studio.dispatch(name, {}, kiosk)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    const kioskNames = Object.entries(requests)
      .filter(([, def]) => (def.audience as readonly string[]).includes('kiosk'))
      .map(([name]) => name)
    expect(kioskNames.every((name) => !/^(settings|secrets|queue)\./.test(name))).toBe(true)
  })

  it('verifies the kiosk PIN in main and locks out repeated guessing', async () => {
    let exits = 0
    ;({ studio } = await createTempStudio({ startWorkers: false, exitKiosk: () => exits++ }))
    expect(await studio.dispatch('kiosk.exit', { pin: '1234' }, kiosk)).toEqual({ ok: true, value: { exited: false } })
    await studio.dispatch('kiosk.setPin', { pin: '4821' }, recruiter)
    expect(await studio.dispatch('kiosk.setPin', { pin: '12' }, recruiter)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await studio.dispatch('kiosk.exit', { pin: '4821' }, kiosk)).toEqual({ ok: true, value: { exited: true } })
    expect(exits).toBe(1)
    for (let i = 0; i < 5; i++) await studio.dispatch('kiosk.exit', { pin: '0000' }, kiosk)
    expect(await studio.dispatch('kiosk.exit', { pin: '4821' }, kiosk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(exits).toBe(1)
  })

  it('opens the kiosk only once a PIN is set, and only for the recruiter', async () => {
    let opened = 0
    ;({ studio } = await createTempStudio({
      startWorkers: false,
      openKiosk: async () => {
        opened++
        return { url: 'http://127.0.0.1:1/kiosk' }
      },
    }))
    expect(await studio.dispatch('kiosk.open', {}, recruiter)).toMatchObject({ ok: false, error: { code: 'conflict' } })
    await studio.dispatch('kiosk.setPin', { pin: '4821' }, recruiter)
    expect(await studio.dispatch('kiosk.open', {}, kiosk)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await studio.dispatch('kiosk.open', {}, recruiter)).toEqual({
      ok: true,
      value: { url: 'http://127.0.0.1:1/kiosk' },
    })
    expect(opened).toBe(1)
  })
})

describe('IPC payload fuzz', () => {
  it('rejects hostile shapes with clear errors and still answers quickly afterwards', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    let nested: unknown = { theme: 'dark' }
    for (let i = 0; i < 10_000; i++) nested = { inner: nested }
    const hostile: unknown[] = [
      null,
      undefined,
      NaN,
      [],
      'x'.repeat(10 * 1024 * 1024),
      { theme: 'x'.repeat(10 * 1024 * 1024) },
      JSON.parse('{"__proto__": {"polluted": true}, "theme": "dark"}'),
      { constructor: { prototype: { polluted: true } } },
      { workerConcurrency: NaN },
      { workerConcurrency: Infinity },
      nested,
    ]
    for (const input of hostile) {
      const result = await studio.dispatch('settings.update', input, recruiter)
      if (result.ok) expect(input).toBeUndefined()
      else expect(['invalid_input']).toContain(result.error.code)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const started = performance.now()
    expect(await studio.dispatch('app.info', {}, recruiter)).toMatchObject({ ok: true })
    expect(performance.now() - started).toBeLessThan(100)
  })
})
