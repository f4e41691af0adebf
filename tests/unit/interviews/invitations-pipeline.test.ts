import { afterEach, describe, expect, it } from 'vitest'
import type { InvitationView } from '@shared/contract/interviews'
import type { CandidateDetail } from '@shared/contract/screening'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'
import { seedCandidates } from '../screening/seed'
import { interviewWorld, manualClock, type ManualClock } from './fixtures'

/*
 * The pipeline link through the real studio (as studio.ts wires it): invitations for a job's
 * template name a candidate of that job, and the kiosk interview moves their application.
 */

const HOUR = 3_600_000
let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

async function call<T>(name: string, input: unknown, audience: 'recruiter' | 'kiosk' = 'recruiter'): Promise<T> {
  const result = await studio!.dispatch(name, input, { audience })
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

async function publishedTemplate(name: string, jobId: string | null) {
  const template = await call<{ id: string }>('templates.create', { name, jobId })
  for (const text of ['Tell me about a recent project.', 'How do you test your code?', 'What would you change next?'])
    await call('questions.add', {
      templateId: template.id,
      question: { text, rubric: [{ name: 'Clarity', description: 'Explains it plainly' }] },
    })
  await call('templates.publish', { id: template.id })
  return template.id
}

/** A job with one applicant (Ada), a candidate who never applied to it (Bo), and a template for the job. */
async function world(): Promise<{
  clock: ManualClock
  jobId: string
  ada: string
  bo: string
  jobTemplate: string
  generalTemplate: string
}> {
  const clock = manualClock()
  ;({ studio } = await createTempStudio({ clock, startWorkers: false }))
  const job = await call<{ id: string }>('jobs.create', { title: 'Backend engineer', description: 'APIs in Go' })
  const [ada] = await seedCandidates(studio, job.id, [
    { name: 'Ada Lovelace', text: 'Go APIs', skills: [], years: 5, education: 'bachelor' },
  ])
  const [bo] = await seedCandidates(studio, null, [
    { name: 'Bo Jensen', text: 'Nursing', skills: [], years: 3, education: 'bachelor' },
  ])
  return {
    clock,
    jobId: job.id,
    ada: ada!,
    bo: bo!,
    jobTemplate: await publishedTemplate('Backend screen', job.id),
    generalTemplate: await publishedTemplate('General screen', null),
  }
}

const applicationOf = async (candidateId: string, jobId: string) => {
  const detail = await call<CandidateDetail>('candidates.get', { candidateId, jobId })
  return detail.applications.find((a) => a.jobId === jobId)!
}

describe('invitations belong to a candidate of the template’s job', () => {
  it('refuses a candidate, or a walk-in, who has not applied to the job, and says what to do', async () => {
    const w = await world()
    for (const [candidateId, candidateName] of [
      [w.bo, 'Bo Jensen'],
      ['walk-in:someone', 'Someone'],
    ]) {
      await expect(
        call('invitations.create', { templateId: w.jobTemplate, candidateId, candidateName }),
      ).rejects.toMatchObject({
        code: 'conflict',
        message: `${candidateName} has not applied to Backend engineer. Add them to the job first, or choose a template that is not tied to a job.`,
      })
    }
    expect(await call<InvitationView[]>('invitations.list', {})).toEqual([])
  })

  it('ties the invitation to the application, with its type, place and window', async () => {
    const w = await world()
    const at = w.clock.now() + 2 * HOUR
    const invitation = await call<InvitationView>('invitations.create', {
      templateId: w.jobTemplate,
      candidateId: w.ada,
      candidateName: 'Ada Lovelace',
      expiresInHours: 24,
      scheduledAt: at,
      kind: 'in_person',
      location: '  Room 4, second floor  ',
    })
    const application = await applicationOf(w.ada, w.jobId)
    expect(invitation).toMatchObject({
      applicationId: application.id,
      kind: 'in_person',
      location: 'Room 4, second floor',
      scheduledAt: at,
      expiresAt: w.clock.now() + 24 * HOUR,
    })
    expect(invitation.history).toEqual([
      {
        change: 'created',
        at: w.clock.now(),
        scheduledAt: at,
        expiresAt: w.clock.now() + 24 * HOUR,
        location: 'Room 4, second floor',
      },
    ])
    expect((await call<InvitationView[]>('invitations.list', { candidateId: w.ada })).map((i) => i.id)).toEqual([
      invitation.id,
    ])
    expect(await call<InvitationView[]>('invitations.list', { candidateId: w.bo })).toEqual([])
  })

  it('lets a template without a job invite anyone named, with no pipeline to move', async () => {
    const w = await world()
    const walkIn = await call<InvitationView>('invitations.create', {
      templateId: w.generalTemplate,
      candidateId: 'walk-in:1',
      candidateName: 'Walk-in visitor',
    })
    expect(walkIn).toMatchObject({ applicationId: null, kind: 'ai_interview', location: null })
    const { sessionId } = await studio!.interviews.startSession(walkIn.code!)
    await studio!.interviews.finish(sessionId)
    expect((await applicationOf(w.ada, w.jobId)).history.map((h) => h.to)).not.toContain('interviewing')
  })
})

describe('the interview moves the candidate', () => {
  it('moves the application to interviewing when the kiosk starts, and keeps it there when it finishes', async () => {
    const w = await world()
    const before = await applicationOf(w.ada, w.jobId)
    expect(before.status).not.toBe('interviewing')
    const invitation = await call<InvitationView>('invitations.create', {
      templateId: w.jobTemplate,
      candidateId: w.ada,
      candidateName: 'Ada Lovelace',
    })
    const { sessionId } = await studio!.interviews.startSession(invitation.code!)
    const started = await applicationOf(w.ada, w.jobId)
    expect(started.status).toBe('interviewing')
    expect(started.history.at(-1)).toMatchObject({ from: before.status, to: 'interviewing', kind: 'set' })

    await studio!.interviews.finish(sessionId)
    const finished = await applicationOf(w.ada, w.jobId)
    expect(finished.status).toBe('interviewing')
    expect(finished.history).toHaveLength(started.history.length)
    const [row] = await call<InvitationView[]>('invitations.list', { candidateId: w.ada })
    expect(row!.status).toBe('completed')
  })

  it('does not pull back a candidate the recruiter already rejected', async () => {
    const w = await world()
    const invitation = await call<InvitationView>('invitations.create', {
      templateId: w.jobTemplate,
      candidateId: w.ada,
      candidateName: 'Ada Lovelace',
    })
    await call('candidates.setStatus', { applicationId: invitation.applicationId, status: 'rejected' })
    const { sessionId } = await studio!.interviews.startSession(invitation.code!)
    await studio!.interviews.finish(sessionId)
    expect((await applicationOf(w.ada, w.jobId)).status).toBe('rejected')
  })
})

describe('one transaction', () => {
  it('starts nothing when the pipeline move fails: no session, and the code still pending', async () => {
    const w = await interviewWorld({
      withScreening: true,
      pipeline: {
        applicationFor: async () => 'application-1',
        markInterviewing: async () => {
          throw new Error('the disk is full')
        },
      },
    })
    try {
      const ctx = { audience: 'recruiter' as const }
      const job = await w.studio.dispatch('jobs.create', { title: 'Backend engineer', description: 'Go' }, ctx)
      if (!job.ok) throw new Error(job.error.message)
      const template = await w.interviews.handlers['templates.create'](
        {
          name: 'Backend screen',
          description: '',
          jobId: (job.value as { id: string }).id,
          settings: { maxQuestions: 10, maxDurationMinutes: 30, maxFollowUps: 0, answerSilenceSec: 2.5 },
        },
        ctx,
      )
      for (const text of ['One?', 'Two?', 'Three?'])
        await w.interviews.handlers['questions.add'](
          {
            templateId: template.id,
            question: {
              type: 'open_voice',
              text,
              skill: '',
              difficulty: 'standard',
              timeLimitSec: 120,
              prepTimeSec: 0,
              retakesAllowed: 0,
              rubric: [{ name: 'Clarity', description: 'Plain', weight: 3 }],
              expectedPoints: [],
            },
          },
          ctx,
        )
      await w.interviews.handlers['templates.publish']({ id: template.id }, ctx)
      const invitation = await w.interviews.handlers['invitations.create'](
        {
          templateId: template.id,
          candidateId: 'cand-1',
          candidateName: 'Ada',
          expiresInHours: 24,
          scheduledAt: null,
          kind: 'ai_interview',
          location: null,
        },
        ctx,
      )
      await expect(w.interviews.engine.startSession(invitation.code!)).rejects.toThrow('the disk is full')
      expect(await w.studio.db.selectFrom('interview_sessions').select('id').execute()).toEqual([])
      const [row] = await w.interviews.handlers['invitations.list']({ status: 'all' }, ctx)
      expect(row).toMatchObject({ status: 'pending', sessionId: null, startedAt: null })
    } finally {
      await w.close()
    }
  })
})

describe('rescheduling and cancelling', () => {
  it('cancels once: the kiosk refuses the code afterwards and the history keeps the cancellation', async () => {
    const w = await world()
    const invitation = await call<InvitationView>('invitations.create', {
      templateId: w.jobTemplate,
      candidateId: w.ada,
      candidateName: 'Ada Lovelace',
    })
    const cancelled = await call<InvitationView>('invitations.cancel', { id: invitation.id })
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.history.map((h) => h.change)).toEqual(['created', 'cancelled'])
    await expect(call('interview.redeem', { code: invitation.code }, 'kiosk')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/cancelled/),
    })
    await expect(
      call('invitations.reschedule', { id: invitation.id, scheduledAt: null, expiresAt: w.clock.now() + HOUR }),
    ).rejects.toMatchObject({ code: 'conflict' })
    expect((await applicationOf(w.ada, w.jobId)).status).not.toBe('interviewing')
  })

  it('moves the window and place but keeps the code, which then opens only in the new window', async () => {
    const w = await world()
    const invitation = await call<InvitationView>('invitations.create', {
      templateId: w.jobTemplate,
      candidateId: w.ada,
      candidateName: 'Ada Lovelace',
      kind: 'video_call',
      location: 'https://meet.example.com/abc',
    })
    const start = w.clock.now() + 48 * HOUR
    const moved = await call<InvitationView>('invitations.reschedule', {
      id: invitation.id,
      scheduledAt: start,
      expiresAt: start + HOUR,
      location: 'https://meet.example.com/xyz',
    })
    expect(moved).toMatchObject({
      code: invitation.code,
      status: 'pending',
      scheduledAt: start,
      expiresAt: start + HOUR,
      location: 'https://meet.example.com/xyz',
      kind: 'video_call',
    })
    expect(moved.history.map((h) => [h.change, h.scheduledAt, h.location])).toEqual([
      ['created', null, 'https://meet.example.com/abc'],
      ['rescheduled', start, 'https://meet.example.com/xyz'],
    ])
    await expect(studio!.interviews.startSession(invitation.code!)).rejects.toMatchObject({
      message: expect.stringMatching(/scheduled for later/),
    })
    w.clock.set(start - 10 * 60_000)
    await expect(studio!.interviews.startSession(invitation.code!)).resolves.toMatchObject({ resumed: false })
  })

  it('refuses a window that ends before it starts or is already over', async () => {
    const w = await world()
    const invitation = await call<InvitationView>('invitations.create', {
      templateId: w.jobTemplate,
      candidateId: w.ada,
      candidateName: 'Ada Lovelace',
    })
    const now = w.clock.now()
    for (const window of [
      { scheduledAt: now + 2 * HOUR, expiresAt: now + HOUR },
      { scheduledAt: null, expiresAt: now - 1 },
    ]) {
      await expect(call('invitations.reschedule', { id: invitation.id, ...window })).rejects.toMatchObject({
        code: 'invalid_input',
      })
    }
    const [unchanged] = await call<InvitationView[]>('invitations.list', { candidateId: w.ada })
    expect(unchanged!.history).toHaveLength(1)
  })

  it('gives an expired, never-used code a new window', async () => {
    const w = await world()
    const invitation = await call<InvitationView>('invitations.create', {
      templateId: w.jobTemplate,
      candidateId: w.ada,
      candidateName: 'Ada Lovelace',
      expiresInHours: 1,
    })
    w.clock.advance(2 * HOUR)
    expect((await call<InvitationView[]>('invitations.list', { status: 'expired' })).map((i) => i.id)).toEqual([
      invitation.id,
    ])
    const moved = await call<InvitationView>('invitations.reschedule', {
      id: invitation.id,
      scheduledAt: null,
      expiresAt: w.clock.now() + 24 * HOUR,
    })
    expect(moved.status).toBe('pending')
    await expect(studio!.interviews.startSession(invitation.code!)).resolves.toMatchObject({ resumed: false })
  })
})

describe('the kiosk cannot schedule', () => {
  it('refuses every invitation request from the kiosk audience', async () => {
    const w = await world()
    const invitation = await call<InvitationView>('invitations.create', {
      templateId: w.jobTemplate,
      candidateId: w.ada,
      candidateName: 'Ada Lovelace',
    })
    const asKiosk = {
      'invitations.create': { templateId: w.jobTemplate, candidateId: w.ada, candidateName: 'Ada Lovelace' },
      'invitations.list': { candidateId: w.ada },
      'invitations.reschedule': { id: invitation.id, scheduledAt: null, expiresAt: w.clock.now() + HOUR },
      'invitations.cancel': { id: invitation.id },
    }
    for (const [name, input] of Object.entries(asKiosk)) {
      await expect(call(name, input, 'kiosk'), name).rejects.toMatchObject({ code: 'forbidden' })
    }
    const [still] = await call<InvitationView[]>('invitations.list', { candidateId: w.ada })
    expect(still).toMatchObject({ status: 'pending', expiresAt: invitation.expiresAt, history: invitation.history })
  })
})
