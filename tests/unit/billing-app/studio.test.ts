import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { BillingView } from '@shared/contract/billing'
import type { FeedbackView } from '@shared/contract/feedback'
import type { WorkspaceView } from '@shared/contract/sync'
import { readEntitlement } from '@core/billing/remote'
import { startAiStub, type AiStub } from '../../harness/ai-stub'
import { startWorkspaceServer, type WorkspaceServer } from '../../harness/supabase'
import { billingServerUnavailable } from './billing-server'
import { budget } from '../../helpers/patience'
import { createTempStudio } from '../../helpers/temp-studio'
import { seedCandidates } from '../screening/seed'
import { assessmentWorld, GOOD_ANSWERS, honestModel, type AssessmentWorld } from '../assessment/world'
import { offlineSwitch, signedInClient } from './offline-switch'
import { latestJob } from '../../helpers/jobs'

/*
 * Billing through the studio's own requests and jobs, against the real billing RPCs: the plan is
 * read with each sync; an AI assessment the quota refuses does not run and the queue says why; an
 * AI interview refused runs scripted, and scripted interviews never need quota; inviting beyond
 * the plan's seats is refused in words.
 */

const unavailable = billingServerUnavailable()
const PASSWORD = 'correct horse battery staple'

describe.skipIf(unavailable)(`billing in the studio${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let stub: AiStub
  const worlds: AssessmentWorld[] = []

  beforeAll(async () => {
    server = await startWorkspaceServer()
    stub = await startAiStub()
  }, budget(120_000))
  afterAll(async () => {
    await Promise.all(worlds.map((w) => w.close()))
    await stub?.close()
    await server?.stop()
  })

  /** A studio signed up, in a new workspace of its own (Free plan), synced once; and its admin's client. */
  async function teamStudio(name: string) {
    const net = offlineSwitch()
    const w = await assessmentWorld({
      stub,
      studio: {
        sync: { project: { url: server.url, anonKey: server.anonKey, fetch: net.fetch }, intervalMs: 3_600_000 },
      },
    })
    worlds.push(w)
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.test`
    await w.call('sync.signUp', { email, password: PASSWORD })
    const created = await w.call<WorkspaceView>('sync.createWorkspace', { name })
    await w.call('sync.adopt', { workspaceId: created.id })
    await w.drainQueue()
    const admin = await signedInClient(server.url, server.anonKey, email, fetch)
    return { w, orgId: created.id, admin, net }
  }

  async function useUp(client: SupabaseClient, orgId: string, kind: 'ai_interview' | 'ai_screening') {
    const e = await readEntitlement(client, orgId)
    const amount =
      kind === 'ai_interview'
        ? e.limits.aiInterviews - e.usage.aiInterviews
        : e.limits.aiScreening - e.usage.aiScreening
    const { data, error } = await client.rpc('reserve_quota', {
      p_org: orgId,
      p_kind: kind,
      p_request: randomUUID(),
      p_amount: amount,
    })
    if (error || !(data as { ok: boolean }).ok) throw new Error(`could not use up ${kind}: ${error?.message}`)
  }

  const sessionMode = async (w: AssessmentWorld, sessionId: string) =>
    (
      await w.studio.db
        .selectFrom('interview_sessions')
        .select('mode')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow()
    ).mode

  it('a studio outside a team workspace is not metered; in one, the plan is read with the sync', async () => {
    const { studio } = await createTempStudio()
    try {
      const local = await studio.dispatch('billing.view', { refresh: true }, { audience: 'recruiter' })
      expect(local).toEqual({ ok: true, value: { state: 'unmetered' } })
    } finally {
      await studio.close()
    }

    const { w, orgId } = await teamStudio('Plan reader')
    const view = await w.call<BillingView>('billing.view', {})
    expect(view).toMatchObject({
      state: 'known',
      workspace: orgId,
      entitlement: {
        plan: 'free',
        limits: { aiInterviews: 5, seats: 2, aiScreening: 50 },
        usage: { aiInterviews: 0, seats: 1, aiScreening: 0 },
        canManage: true,
      },
      offline: null,
      aiStopped: null,
    })
  })

  it('an AI assessment the quota refuses does not run: the queue says what ran out and who can upgrade', async () => {
    const { w, orgId, admin } = await teamStudio('No screening left')
    await w.setKey()
    await useUp(admin, orgId, 'ai_screening')
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    expect(await sessionMode(w, sessionId)).toBe('adaptive')
    const before = w.stub.requests.length
    await w.drainQueue()

    const job = await latestJob(w.studio, 'assessment.run')
    expect(job.status).toBe('failed')
    expect(job.last_error).toMatch(/AI screening/)
    expect(job.last_error).toMatch(/admin can upgrade in Billing/)
    // The assessment passes never reached the model; the labelled offline assessment stands in.
    const assessmentCalls = w.stub.requests
      .slice(before)
      .filter((r) => JSON.stringify(r).includes('You assess one answer'))
    expect(assessmentCalls).toHaveLength(0)
    const assessments = await w.assessments(sessionId)
    expect(JSON.stringify(assessments)).toContain('"kind":"offline"')
    expect(JSON.stringify(assessments)).not.toContain('"kind":"ai"')

    const usage = (await readEntitlement(admin, orgId)).usage
    expect(usage).toMatchObject({ aiInterviews: 1, aiScreening: 50 })
    const view = await w.call<BillingView>('billing.view', {})
    expect(view.state === 'known' && view.lastRefusal?.message).toMatch(/AI screening/)
  })

  it('an AI interview the quota refuses runs scripted, and a scripted interview needs no quota at all', async () => {
    const { w, orgId, admin } = await teamStudio('No interviews left')
    await useUp(admin, orgId, 'ai_interview')

    // No AI key: the interview is scripted from the start and asks for nothing.
    const scripted = await w.interview([{ text: GOOD_ANSWERS[0]! }], { candidateId: 'cand-scripted' })
    expect(await sessionMode(w, scripted)).toBe('scripted')
    const asked = await w.studio.db.selectFrom('billing_reservations').select('work_key').execute()
    expect(asked.filter((r) => r.work_key.startsWith('interview.start:'))).toEqual([])

    // With a key, the AI interviewer is refused: the candidate still has their interview, scripted.
    await w.setKey()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
    const refused = await w.interview([{ text: GOOD_ANSWERS[0]! }], { candidateId: 'cand-refused' })
    expect(await sessionMode(w, refused)).toBe('scripted')
    const view = await w.call<BillingView>('billing.view', {})
    expect(view.state === 'known' && view.lastRefusal?.message).toMatch(/AI interviews/)
    expect((await readEntitlement(admin, orgId)).usage.aiInterviews).toBe(5)
  })

  it('an AI feedback draft the quota refuses is written from the template and says why', async () => {
    const { w, orgId, admin } = await teamStudio('Feedback quota')
    await w.setKey()
    await useUp(admin, orgId, 'ai_screening')
    const job = await w.call<{ id: string }>('jobs.create', {
      title: 'Frontend Engineer',
      requiredSkills: [{ skillId: 'react', name: 'React', weight: 5 }],
    })
    const [candidateId] = await seedCandidates(w.studio, job.id, [
      {
        name: 'Bo Jensen',
        text: 'React developer',
        skills: ['react'],
        years: 2,
        education: 'bachelor',
        email: 'bo@example.com',
      },
    ])
    await w.call('candidates.addToJob', { jobId: job.id, candidateIds: [candidateId] })
    const list = await w.call<{ items: { applicationId: string }[] }>('candidates.list', { jobId: job.id })
    const applicationId = list.items[0]!.applicationId
    await w.call('candidates.setStatus', { applicationId, status: 'rejected' })
    const before = w.stub.requests.length

    const draft = await w.call<FeedbackView>('feedback.draft', { candidateId, applicationId })
    expect(draft.source).toBe('template')
    expect(draft.sourceNote).toMatch(/AI screening/)
    expect(draft.sourceNote).toMatch(/template built from the same facts/)
    expect(w.stub.requests.slice(before).filter((r) => r.route === 'chat')).toHaveLength(0)
  })

  it('an embeddings run the quota refuses never calls the provider; the offline ranking stands', async () => {
    const { w, orgId, admin } = await teamStudio('Embeddings quota')
    await w.setKey()
    await useUp(admin, orgId, 'ai_screening')
    const job = await w.call<{ id: string }>('jobs.create', {
      title: 'Frontend Engineer',
      requiredSkills: [{ skillId: 'react', name: 'React', weight: 5 }],
    })
    const [candidateId] = await seedCandidates(w.studio, job.id, [
      { name: 'Bo Jensen', text: 'React developer', skills: ['react'], years: 2, education: 'bachelor' },
    ])
    await w.call('candidates.addToJob', { jobId: job.id, candidateIds: [candidateId] })
    const before = w.stub.requests.length
    await w.drainQueue()

    const embed = await latestJob(w.studio, 'screening.embed')
    expect(embed.status).toBe('failed')
    expect(embed.last_error).toMatch(/AI screening/)
    expect(w.stub.requests.slice(before).filter((r) => r.route === 'embeddings')).toHaveLength(0)
    const list = await w.call<{ items: { score: number | null }[] }>('candidates.list', { jobId: job.id })
    expect(list.items).toHaveLength(1)
  })

  it('inviting beyond the plan’s seats is refused in words naming the plan and its limit', async () => {
    const { w, orgId } = await teamStudio('Two seats')
    await w.call('sync.invite', {
      workspaceId: orgId,
      email: `second-${randomUUID().slice(0, 6)}@example.test`,
      role: 'recruiter',
    })
    const refused = await w.studio.dispatch(
      'sync.invite',
      { workspaceId: orgId, email: `third-${randomUUID().slice(0, 6)}@example.test`, role: 'recruiter' },
      { audience: 'recruiter' },
    )
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.message).toMatch(/Free/)
      expect(refused.error.message).toMatch(/2/)
    }
    const view = await w.call<BillingView>('billing.view', { refresh: true })
    expect(view.state === 'known' && view.entitlement.usage.seats).toBe(2)
  })

  it('offline the Billing page keeps the last plan and says so; work done offline is counted on the next sync', async () => {
    const { w, orgId, admin, net } = await teamStudio('Offline counting')
    await w.setKey()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
    net.state.offline = true
    const sessionId = await w.interview(GOOD_ANSWERS.map((text) => ({ text })))
    // Within the grace period: the AI interviewer ran although the workspace could not be reached.
    expect(await sessionMode(w, sessionId)).toBe('adaptive')
    await w.drainQueue()
    const view = await w.call<BillingView>('billing.view', { refresh: true })
    expect(view).toMatchObject({
      state: 'known',
      aiStopped: null,
      offline: expect.stringMatching(/could not be reached/) as string,
    })
    expect((await readEntitlement(admin, orgId)).usage).toMatchObject({ aiInterviews: 0, aiScreening: 0 })

    net.state.offline = false
    await w.call('sync.now', {})
    await w.drainQueue()
    expect((await readEntitlement(admin, orgId)).usage).toMatchObject({ aiInterviews: 1, aiScreening: 1 })
    const back = await w.call<BillingView>('billing.view', {})
    expect(back).toMatchObject({
      state: 'known',
      offline: null,
      entitlement: { usage: { aiInterviews: 1, aiScreening: 1 } },
    })
  })
})
