import { afterEach, describe, expect, it } from 'vitest'
import type { Studio } from '@core/studio'
import { openGuessThrottle } from '@core/guard/guess-throttle'
import { setMeta } from '@core/db/meta'
import { silentLogger } from '@core/logger'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { manualClock, question } from '../interviews/fixtures'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

const recruiter = { audience: 'recruiter' as const }
const kiosk = { audience: 'kiosk' as const }
const PIN = '4821'

async function studioWithPin(dataDir: string, onExit: () => void = () => {}) {
  ;({ studio } = await createTempStudio({ dataDir, startWorkers: false, exitKiosk: onExit }))
  await studio.dispatch('kiosk.setPin', { pin: PIN }, recruiter)
  return studio
}

describe('kiosk exit PIN throttle', () => {
  it('checks at most five of 200 guesses sent at once, so the right one among them does not exit', async () => {
    let exits = 0
    const s = await studioWithPin(tempDir(), () => exits++)
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 150 ? PIN : String(1000 + i)))
    const results = await Promise.all(guesses.map((pin) => s.dispatch('kiosk.exit', { pin }, kiosk)))
    const checked = results.filter((r) => r.ok)
    expect(checked.length).toBeLessThanOrEqual(5)
    expect(checked.every((r) => r.ok && !(r.value as { exited: boolean }).exited)).toBe(true)
    expect(results.filter((r) => !r.ok && r.error.code === 'forbidden')).toHaveLength(200 - checked.length)
    expect(exits).toBe(0)
  })

  it('keeps a lockout across a restart', async () => {
    const dataDir = tempDir()
    let s = await studioWithPin(dataDir)
    for (let i = 0; i < 5; i++) await s.dispatch('kiosk.exit', { pin: '0000' }, kiosk)
    await s.close()
    studio = undefined
    ;({ studio } = await createTempStudio({ dataDir, startWorkers: false }))
    s = studio
    expect(await s.dispatch('kiosk.exit', { pin: PIN }, kiosk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Too many wrong PINs/) },
    })
  })
})

describe('interview code throttle', () => {
  it("is not reset by the guesser's own valid code, and holds across a restart", async () => {
    const dataDir = tempDir()
    ;({ studio } = await createTempStudio({ dataDir, startWorkers: false }))
    const s = studio
    const call = async <T>(name: string, input: unknown) => {
      const result = await s.dispatch(name, input, recruiter)
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
      return result.value as T
    }
    const { id: templateId } = await call<{ id: string }>('templates.create', {
      name: 'Support',
      settings: { maxQuestions: 4, maxDurationMinutes: 30, maxFollowUps: 0 },
    })
    await call('questions.add', { templateId, question: question({ text: 'Tell me about your last role.' }) })
    await call('templates.publish', { id: templateId })
    const { code } = await call<{ code: string }>('invitations.create', {
      templateId,
      candidateId: 'cand-1',
      candidateName: 'Ada Lovelace',
    })

    const redeem = (c: string) => s.dispatch('interview.redeem', { code: c }, kiosk)
    // Wrong, wrong, own code, wrong, wrong, own code, wrong: a reset would let every guess through.
    for (const attempt of ['WRONG1XY', 'WRONG2XY', code, 'WRONG3XY', 'WRONG4XY', code]) await redeem(attempt)
    expect(await redeem('WRONG5XY')).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await redeem(code)).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    await s.close()
    ;({ studio } = await createTempStudio({ dataDir, startWorkers: false }))
    expect(await studio.dispatch('interview.redeem', { code }, kiosk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Too many wrong codes/) },
    })
  })
})

describe('guess throttle', () => {
  async function throttleWorld() {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const clock = manualClock()
    const open = () =>
      openGuessThrottle({
        db: studio!.db,
        clock,
        logger: silentLogger,
        key: 'throttle:test',
        resetOnSuccess: false,
        lockedMessage: (waitMs) => `wait ${waitMs}`,
      })
    return { clock, open }
  }
  const wrongRun = (throttle: Awaited<ReturnType<typeof openGuessThrottle>>) => {
    for (let i = 0; i < 5; i++) throttle.begin().failed()
  }

  it('doubles the lockout for each further run, and a quiet spell forgets the escalation', async () => {
    const { clock, open } = await throttleWorld()
    const throttle = await open()
    wrongRun(throttle)
    expect(() => throttle.begin()).toThrow('wait 60000')
    clock.advance(60_000)
    wrongRun(throttle)
    expect(() => throttle.begin()).toThrow('wait 120000')
    clock.advance(120_000 + 15 * 60_000 + 1)
    wrongRun(throttle)
    expect(() => throttle.begin()).toThrow('wait 60000')
  })

  it('forgets wrong guesses older than its window', async () => {
    const { clock, open } = await throttleWorld()
    const throttle = await open()
    for (let i = 0; i < 4; i++) throttle.begin().failed()
    clock.advance(10 * 60_000)
    for (let i = 0; i < 4; i++) throttle.begin().failed()
    expect(() => throttle.begin().succeeded()).not.toThrow()
  })

  it('does not let a clock set back stretch a lockout past the longest one', async () => {
    const { clock, open } = await throttleWorld()
    const throttle = await open()
    wrongRun(throttle)
    clock.advance(-24 * 3_600_000)
    expect(() => throttle.begin()).toThrow(`wait ${15 * 60_000}`)
  })

  it('starts locked when its stored state cannot be read, and counts a settled guess once', async () => {
    const { clock, open } = await throttleWorld()
    await setMeta(studio!.db, 'throttle:test', '{"failures":"garbage"')
    const throttle = await open()
    expect(() => throttle.begin()).toThrow('wait 60000')
    clock.advance(60_000)
    const guess = throttle.begin()
    for (let i = 0; i < 10; i++) guess.failed()
    for (let i = 0; i < 3; i++) throttle.begin().failed()
    expect(() => throttle.begin().succeeded()).not.toThrow()
  })
})
