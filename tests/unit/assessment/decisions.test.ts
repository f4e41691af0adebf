import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  ConsentRecord,
  DecisionView,
  ScoreOverrideView,
  SessionAssessments,
  SessionDecisions,
} from '@shared/contract/interviews'
import { assessmentWorld, GOOD_ANSWERS, honestModel, type AssessmentWorld } from './world'
import { seedCandidate } from './assessed-job'

/*
 * A recruiter's decisions and overrides on assessed interviews, through the studio's own dispatch
 * on a real SQLite file: one interview of a candidate who applied to the template's job (linked to
 * the pipeline), one on a template with no job (unlinked).
 */

let w: AssessmentWorld
let linkedSession: string
let unlinkedSession: string
let applicationId: string

const candidate = (name: string) => seedCandidate(w, name)

const statusOf = async (id: string) =>
  (await w.studio.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status

const decide = (sessionId: string, decision: string, note?: string) =>
  w.call<DecisionView>('assessments.decide', { sessionId, decision, ...(note === undefined ? {} : { note }) })

const decisions = (sessionId: string) => w.call<SessionDecisions>('assessments.decisions', { sessionId })

/** The refusal a request gets, as the renderer would see it. */
async function refusal(name: string, input: unknown, audience: 'recruiter' | 'kiosk' = 'recruiter') {
  const result = await w.studio.dispatch(name, input, { audience })
  expect(result.ok, `${name} should be refused`).toBe(false)
  return result.ok ? null : result.error
}

beforeAll(async () => {
  w = await assessmentWorld()
  await w.setKey()
  w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
  const jobId = (await w.call<{ id: string }>('jobs.create', { title: 'Backend engineer' })).id
  const candidateId = await candidate('Grace Hopper')
  await w.call('candidates.addToJob', { jobId, candidateIds: [candidateId] })
  const answers = GOOD_ANSWERS.map((text) => ({ text }))
  linkedSession = await w.interview(answers, { candidateId, candidateName: 'Grace Hopper', jobId })
  unlinkedSession = await w.interview(answers, { candidateId: 'walk-in', candidateName: 'Walk In' })
  await w.drainQueue()
  applicationId = (
    await w.studio.db
      .selectFrom('applications')
      .select('id')
      .where('job_id', '=', jobId)
      .where('candidate_id', '=', candidateId)
      .executeTakeFirstOrThrow()
  ).id
}, 60_000)

afterAll(async () => {
  await w?.close()
})

describe('a decision', () => {
  it('moves the linked candidate in the pipeline, and each later decision is kept beside the earlier ones', async () => {
    const before = await decisions(linkedSession)
    expect(before.decisions).toEqual([])
    const start = before.pipeline!.status
    expect(before.pipeline).toMatchObject({ applicationId, moves: { hold: 'maybe', reject: 'rejected' } })
    const advanceTo = before.pipeline!.moves.advance
    expect(['interviewing', 'offer']).toContain(advanceTo)

    const advanced = await decide(linkedSession, 'advance', '  Strong on caching; probe testing.  ')
    expect(advanced).toMatchObject({
      decision: 'advance',
      note: 'Strong on caching; probe testing.',
      author: 'recruiter',
      pipeline: { applicationId, from: start, to: advanceTo },
    })
    expect(advanced.assessmentId).toBe((await w.assessments(linkedSession)).latest!.id)
    expect(await statusOf(applicationId)).toBe(advanceTo)
    const changes = await w.studio.db
      .selectFrom('status_changes')
      .select(['from_status', 'to_status'])
      .where('application_id', '=', applicationId)
      .where('to_status', '=', advanceTo)
      .execute()
    expect(changes).toEqual([{ from_status: start, to_status: advanceTo }])

    const held = await decide(linkedSession, 'hold')
    expect(held.pipeline).toMatchObject({ from: advanceTo, to: 'maybe' })
    expect(held.note).toBe('')
    expect(await statusOf(applicationId)).toBe('maybe')

    const rejected = await decide(linkedSession, 'reject', 'Could not explain the index trade-off.')
    expect(rejected.pipeline).toMatchObject({ from: 'maybe', to: 'rejected' })
    expect(await statusOf(applicationId)).toBe('rejected')

    const history = await decisions(linkedSession)
    expect(history.decisions.map((d) => [d.decision, d.note])).toEqual([
      ['reject', 'Could not explain the index trade-off.'],
      ['hold', ''],
      ['advance', 'Strong on caching; probe testing.'],
    ])
    expect(history.decisions.every((d) => d.author === 'recruiter' && d.createdAt > 0)).toBe(true)
    expect(history.pipeline).toMatchObject({ status: 'rejected', moves: { advance: 'interviewing' } })
  })

  it('is recorded without moving anything when the interview is not linked to an application', async () => {
    const changesBefore = await w.studio.db.selectFrom('status_changes').select('id').execute()
    const decided = await decide(unlinkedSession, 'advance')
    expect(decided).toMatchObject({ decision: 'advance', pipeline: null })
    expect(await w.studio.db.selectFrom('status_changes').select('id').execute()).toEqual(changesBefore)
    const history = await decisions(unlinkedSession)
    expect(history.pipeline).toBeNull()
    expect(history.decisions).toHaveLength(1)
  })

  it('is refused for an unknown interview or an unknown decision', async () => {
    expect(await refusal('assessments.decide', { sessionId: 'no-such-session', decision: 'hold' })).toMatchObject({
      code: 'not_found',
    })
    expect(await refusal('assessments.decide', { sessionId: linkedSession, decision: 'hire' })).toMatchObject({
      code: 'invalid_input',
    })
    expect(
      await refusal('assessments.decide', { sessionId: linkedSession, decision: 'hold', note: 'x'.repeat(2001) }),
    ).toMatchObject({ code: 'invalid_input' })
  })
})

describe('a score override', () => {
  const override = (input: Record<string, unknown>) => w.call<ScoreOverrideView>('assessments.override', input)

  it('is kept with its reason beside the score the assessment gave, which stays as it was', async () => {
    const assessed: SessionAssessments = await w.assessments(linkedSession)
    const assessment = assessed.latest!
    const answer = assessment.answers[1]!
    const depth = answer.scores.find((s) => s.dimension === 'depth')!

    const first = await override({
      target: 'answer',
      assessmentId: assessment.id,
      answerId: answer.answerId,
      dimension: 'depth',
      score: 2,
      reason: 'The index answer named no trade-off.',
    })
    expect(first).toMatchObject({
      answerId: answer.answerId,
      dimension: 'depth',
      originalScore: depth.score,
      score: 2,
      reason: 'The index answer named no trade-off.',
      author: 'recruiter',
    })
    const second = await override({
      target: 'answer',
      assessmentId: assessment.id,
      answerId: answer.answerId,
      dimension: 'depth',
      score: 3,
      reason: 'On a second listen it did mention write cost.',
    })
    const overall = await override({
      target: 'overall',
      assessmentId: assessment.id,
      score: 55,
      reason: 'Weighted down for the missing testing depth.',
    })
    expect(overall).toMatchObject({ answerId: null, dimension: 'overall', originalScore: assessment.overallScore })

    const history = await decisions(linkedSession)
    expect(history.overrides.map((o) => o.id)).toEqual([overall.id, second.id, first.id])
    expect(history.overrides[1]).toMatchObject({ originalScore: depth.score, score: 3 })

    const after = (await w.assessments(linkedSession)).latest!
    expect(after.overallScore).toBe(assessment.overallScore)
    expect(after.answers[1]!.scores.find((s) => s.dimension === 'depth')!.score).toBe(depth.score)
  })

  it('is refused without a reason, out of range, or for a score the assessment did not give', async () => {
    const assessment = (await w.assessments(linkedSession)).latest!
    const answerId = assessment.answers[0]!.answerId
    const base = { target: 'answer', assessmentId: assessment.id, answerId, dimension: 'clarity', score: 3 }
    expect(await refusal('assessments.override', { ...base, reason: '  ' })).toMatchObject({ code: 'invalid_input' })
    expect(await refusal('assessments.override', { ...base, score: 6, reason: 'Too good.' })).toMatchObject({
      code: 'invalid_input',
    })
    expect(
      await refusal('assessments.override', { ...base, target: 'overall', score: 101, reason: 'Too good.' }),
    ).toMatchObject({ code: 'invalid_input' })
    expect(
      await refusal('assessments.override', { ...base, dimension: 'heuristic', reason: 'Not in an AI run.' }),
    ).toMatchObject({ code: 'not_found' })
    expect(
      await refusal('assessments.override', { ...base, answerId: 'another-answer', reason: 'No such answer.' }),
    ).toMatchObject({ code: 'not_found' })
    expect(
      await refusal('assessments.override', { ...base, assessmentId: 'no-such-assessment', reason: 'Gone.' }),
    ).toMatchObject({ code: 'not_found' })
  })
})

describe('the kiosk', () => {
  it('is refused every decision, override and recording request', async () => {
    const assessment = (await w.assessments(linkedSession)).latest!
    const before = await decisions(linkedSession)
    const attempts: [string, unknown][] = [
      ['assessments.decide', { sessionId: linkedSession, decision: 'advance' }],
      ['assessments.override', { target: 'overall', assessmentId: assessment.id, score: 100, reason: 'Let me in.' }],
      ['assessments.decisions', { sessionId: linkedSession }],
      ['assessments.recordings', { sessionId: linkedSession }],
      ['assessments.recordingFile', { recordingId: 'any-recording' }],
    ]
    for (const [name, input] of attempts) {
      expect(await refusal(name, input, 'kiosk')).toMatchObject({ code: 'forbidden' })
    }
    const after = await decisions(linkedSession)
    expect(after.decisions).toEqual(before.decisions)
    expect(after.overrides).toEqual(before.overrides)
  })
})

describe('the consent record', () => {
  it('shows the candidate’s consent, and a request for an alternative process when one was made', async () => {
    const consented = await w.call<ConsentRecord>('assessments.consent', { sessionId: linkedSession })
    expect(consented.alternativeRequested).toBe(false)
    expect(consented.choices.map((c) => c.choice)).toEqual(['consented'])

    await w.studio.db.transaction().execute((trx) =>
      w.studio.writer.insert(trx, 'interview_kiosk_events', {
        session_id: unlinkedSession,
        kind: 'alternative_requested',
        turn_index: null,
        amount: 0,
        occurred_at: Date.now(),
      }),
    )
    const asked = await w.call<ConsentRecord>('assessments.consent', { sessionId: unlinkedSession })
    expect(asked.alternativeRequested).toBe(true)
    expect(asked.choices.map((c) => c.choice)).toEqual(['consented', 'alternative_requested'])
    expect(await refusal('assessments.consent', { sessionId: linkedSession }, 'kiosk')).toMatchObject({
      code: 'forbidden',
    })
  })
})
