import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebhookSecretView } from '@shared/contract/webhooks'
import { assessmentWorld, GOOD_ANSWERS, honestModel, type AssessmentWorld } from '../assessment/world'
import { seedCandidate } from '../assessment/assessed-job'
import { eventually, startReceiver, type Receiver } from './receiver'

/*
 * The interview side of the webhooks, from the real flows: a candidate who applied to a job is
 * interviewed in the kiosk (interview.completed), the queued assessment runs against the AI wire stub
 * (assessment.ready), and the recruiter decides (decision.made). Each reaches a receiver on
 * 127.0.0.1, verifies, and carries ids and a summary only.
 */

let w: AssessmentWorld
let ats: Receiver
beforeAll(async () => {
  ats = await startReceiver()
  w = await assessmentWorld({ studio: { queueOptions: { pollMs: 20, backoff: { baseMs: 10, capMs: 50 } } } })
  await w.setKey()
  w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
})
afterAll(async () => {
  await w.close()
  await ats.close()
})

const NOTE = 'Strong on caching; ask about on-call next'

describe('interview webhooks', () => {
  it('announces a completed interview, its assessment and the decision, signed, without notes, answers or integrity signals', async () => {
    const { secret } = await w.call<WebhookSecretView>('webhooks.create', {
      url: ats.url,
      events: ['interview.completed', 'assessment.ready', 'decision.made'],
    })
    const jobId = (await w.call<{ id: string }>('jobs.create', { title: 'Backend engineer' })).id
    const candidateId = await seedCandidate(w, 'Grace Hopper')
    await w.call('candidates.addToJob', { jobId, candidateIds: [candidateId] })
    const sessionId = await w.interview(
      GOOD_ANSWERS.map((text) => ({ text })),
      { candidateId, candidateName: 'Grace Hopper', jobId },
    )
    await w.studio.queue.start(1)
    await eventually(() => (ats.received.length >= 2 ? true : undefined))
    await w.call('assessments.decide', { sessionId, decision: 'advance', note: NOTE })
    await eventually(() => (ats.received.length >= 3 ? true : undefined))
    await w.studio.queue.idle()

    const events = ats.received.map(
      (r) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: unknown },
    )
    const byType = Object.fromEntries(events.map((e) => [e.type, e.data]))
    expect(Object.keys(byType).sort()).toEqual(['assessment.ready', 'decision.made', 'interview.completed'])
    expect(byType['interview.completed']).toEqual({
      sessionId,
      candidateId,
      templateId: expect.any(String),
      finishedAt: expect.any(Number),
    })
    const assessment = (await w.assessments(sessionId)).latest!
    expect(byType['assessment.ready']).toEqual({
      assessmentId: assessment.id,
      sessionId,
      kind: 'ai',
      overallScore: assessment.overallScore,
      recommendation: assessment.recommendation,
    })
    expect(byType['decision.made']).toMatchObject({
      sessionId,
      decision: 'advance',
      applicationId: expect.any(String),
      toStatus: expect.any(String),
    })
    const bodies = ats.received.map((r) => r.body).join('\n')
    expect(bodies).not.toContain(NOTE)
    expect(bodies).not.toContain(GOOD_ANSWERS[0]!.slice(0, 30))
    expect(bodies).not.toMatch(/integrity|signal|recording/i)
    expect(new Set(ats.received.map((r) => r.headers['webhook-id'])).size).toBe(3)
  })
})
