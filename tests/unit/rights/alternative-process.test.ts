import { afterEach, describe, expect, it } from 'vitest'
import type { AlternativeRequest } from '@shared/contract/rights'
import { ALTERNATIVE_NOT_SCORED } from '@core/assessment/consent/alternative-process'
import { declinedAiInterview } from '@shared/consent-choice'
import { seedCandidate } from '../assessment/assessed-job'
import { assessmentWorld, GOOD_ANSWERS, honestModel, type AssessmentWorld } from '../assessment/world'
import { invited } from './rights-world'

const worlds: AssessmentWorld[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
})

describe('a request for an alternative process', () => {
  it('keeps the interview from being scored, with the reason on its job, and shows as a task on the candidate', async () => {
    const w = await assessmentWorld()
    worlds.push(w)
    await w.setKey()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS) })
    const candidateId = await seedCandidate(w, 'Ines')
    const { sessionId, token } = await w.studio.interviews.startSession(await invited(w, candidateId))
    const chose = await w.studio.dispatch(
      'interview.consent',
      { token, choice: 'alternative_requested' },
      { audience: 'kiosk', connection: 'kiosk-window-1' },
    )
    expect(chose.ok).toBe(true)
    await w.studio.interviews.finish(sessionId)
    await w.drainQueue()

    const { latest, job } = await w.assessments(sessionId)
    expect(latest).toBeNull()
    expect(job).toMatchObject({ status: 'succeeded' })
    const row = await w.studio.db
      .selectFrom('jobs')
      .select('result')
      .where('id', '=', job!.jobId)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(row.result!)).toEqual({ scored: false, reason: ALTERNATIVE_NOT_SCORED })
    expect(w.stub.requests.filter((r) => r.route === 'chat')).toEqual([])

    const tasks = await w.call<AlternativeRequest[]>('rights.alternativeRequests', { candidateId })
    expect(tasks).toEqual([{ sessionId, templateName: 'Support engineer', requestedAt: expect.any(Number) }])
    const fromKiosk = await w.studio.dispatch('rights.alternativeRequests', { candidateId }, { audience: 'kiosk' })
    expect(fromKiosk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('no longer stands once the candidate consents after all', () => {
    const record = (...choices: ('consented' | 'alternative_requested')[]) => ({
      sessionId: 's',
      alternativeRequested: choices.includes('alternative_requested'),
      choices: choices.map((choice, at) => ({ choice, at })),
    })
    expect(declinedAiInterview(record('alternative_requested'))).toBe(true)
    expect(declinedAiInterview(record('alternative_requested', 'consented'))).toBe(false)
    expect(declinedAiInterview(record('consented'))).toBe(false)
    expect(declinedAiInterview(record())).toBe(false)
  })
})
