import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SelfIdentification } from '@shared/contract/fairness'
import { seedCandidate } from '../assessment/assessed-job'
import { assessmentWorld, type AssessmentWorld } from '../assessment/world'

/** The candidate answers the voluntary questions at the kiosk, which knows them only by their session token. */

let w: AssessmentWorld
let candidateId: string
let token: string

const ANSWERS: SelfIdentification = { sex: 'female', race: 'prefer_not_to_say', ageBand: null }

const kiosk = async (name: string, input: unknown) => w.studio.dispatch(name, input, { audience: 'kiosk' })

beforeAll(async () => {
  w = await assessmentWorld()
  candidateId = await seedCandidate(w, 'Ada Lovelace')
  const template = await w.call<{ id: string }>('templates.create', { name: 'Backend engineer' })
  await w.call('questions.add', {
    templateId: template.id,
    question: {
      type: 'open_voice',
      text: 'Tell me about a system you built.',
      difficulty: 'standard',
      timeLimitSec: 120,
      retakesAllowed: 0,
      rubric: [{ name: 'Relevance', description: 'Answers with a concrete example', weight: 3 }],
    },
  })
  await w.call('templates.publish', { id: template.id })
  const { code } = await w.call<{ code: string }>('invitations.create', {
    templateId: template.id,
    candidateId,
    candidateName: 'Ada Lovelace',
  })
  ;({ token } = await w.studio.interviews.startSession(code))
})
afterAll(() => w.close())

describe('self-identification at the kiosk', () => {
  it('asks only a candidate stored in the studio, whom a report can count', async () => {
    expect(await kiosk('fairness.selfIdentifyOffered', { token })).toEqual({ ok: true, value: { offered: true } })
    const [template] = await w.call<{ id: string }[]>('templates.list', {})
    const { code } = await w.call<{ code: string }>('invitations.create', {
      templateId: template!.id,
      candidateId: 'walk-in-without-a-resume',
      candidateName: 'Walk-in',
    })
    const walkIn = (await w.studio.interviews.startSession(code)).token
    expect(await kiosk('fairness.selfIdentifyOffered', { token: walkIn })).toEqual({
      ok: true,
      value: { offered: false },
    })
    expect(await kiosk('fairness.selfIdentify', { token: walkIn, answers: ANSWERS })).toMatchObject({ ok: false })
  })

  it('saves the candidate’s own answers for the candidate of the session, and sends nothing back', async () => {
    const saved = await kiosk('fairness.selfIdentify', { token, answers: ANSWERS })
    expect(saved).toEqual({ ok: true, value: { saved: true } })
    expect(await w.call('fairness.selfId', { candidateId })).toEqual(ANSWERS)
  })

  it('refuses a token that is not an interview’s, and answers for no one', async () => {
    const other = await seedCandidate(w, 'Grace Hopper')
    const forged = await kiosk('fairness.selfIdentify', { token: 'x'.repeat(40), answers: ANSWERS })
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await w.call('fairness.selfId', { candidateId: other })).toEqual({ sex: null, race: null, ageBand: null })
  })

  it('lets the kiosk neither read answers nor write them for a candidate it names', async () => {
    expect(await kiosk('fairness.selfId', { candidateId })).toMatchObject({ ok: false })
    expect(await kiosk('fairness.setSelfId', { candidateId, answers: ANSWERS })).toMatchObject({ ok: false })
    expect(await kiosk('fairness.selfIdentify', { token, answers: { ...ANSWERS, sex: 'not-a-choice' } })).toMatchObject(
      { ok: false, error: { code: 'invalid_input' } },
    )
  })
})
