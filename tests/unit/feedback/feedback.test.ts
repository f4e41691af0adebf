import { afterEach, describe, expect, it } from 'vitest'
import type { CandidateFeedback, FeedbackView } from '@shared/contract/feedback'
import type { MailDeliveryView } from '@shared/contract/mail'
import type { ChatRequestBody } from '../../harness/ai-stub/types'
import { seedCandidate } from '../assessment/assessed-job'
import {
  ACROSS,
  assessmentWorld,
  GOOD_ANSWERS,
  OVERALL,
  PER_ANSWER,
  perAnswerReply,
  SKILLS,
  firstWords,
  type AssessmentWorld,
} from '../assessment/world'
import { seedCandidates } from '../screening/seed'
import { everyTableText } from '../rights/rights-world'
import type { DeletionPreview } from '@shared/contract/rights'
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink'

/*
 * Feedback to candidates on a real studio: drafts by the AI wire stub or from the template, the
 * recruiter's edits and approval, and automatic sending after the window on a clock the test moves,
 * all ending at a real SMTP server on 127.0.0.1 whose messages are parsed with mailparser.
 */

const HOUR = 60 * 60_000
const worlds: AssessmentWorld[] = []
const sinks: SmtpSink[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
  await Promise.all(sinks.splice(0).map((s) => s.close()))
})

function fakeClock() {
  let at = Date.now()
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

async function world(clock = fakeClock()) {
  const w = await assessmentWorld({ studio: { clock } })
  worlds.push(w)
  return { w, clock }
}

async function mailTo(w: AssessmentWorld, options: { down?: boolean } = {}) {
  const sink = await startSmtpSink(options)
  sinks.push(sink)
  await w.call('mail.saveSettings', {
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    fromAddress: 'jobs@acme.example',
    fromName: 'Acme Hiring',
  })
  return sink
}

/** A job asking for React, TypeScript and GraphQL, and Bo (React only) rejected after screening. */
async function rejectedAfterScreening(w: AssessmentWorld) {
  const job = await w.call<{ id: string }>('jobs.create', {
    title: 'Frontend Engineer',
    description: 'React and TypeScript single-page applications.',
    requiredSkills: [
      { skillId: 'react', name: 'React', weight: 5 },
      { skillId: 'typescript', name: 'TypeScript', weight: 3 },
    ],
    preferredSkills: [{ skillId: 'graphql', name: 'GraphQL', weight: 2 }],
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
  const list = await w.call<{ items: { applicationId: string; matched: string[]; missing: string[] }[] }>(
    'candidates.list',
    { jobId: job.id },
  )
  const applicationId = list.items[0]!.applicationId
  expect(list.items[0]).toMatchObject({ matched: ['React'], missing: ['TypeScript', 'GraphQL'] })
  await w.call('candidates.setStatus', { applicationId, status: 'rejected' })
  return { candidateId: candidateId!, applicationId }
}

const PASTED_WEAKNESS = 'The second answer appears to have been pasted in rather than spoken.'

/**
 * Ada interviews for a job; her second answer is pasted text (an integrity signal) and the model's
 * summary even names it as a weakness. Returns the ids once the AI assessment is stored.
 */
async function assessedWithSignals(w: AssessmentWorld) {
  await w.setKey()
  const jobId = (await w.call<{ id: string }>('jobs.create', { title: 'Backend engineer' })).id
  const candidateId = await seedCandidate(w, 'Ada Lovelace')
  await w.studio.db.updateTable('candidates').set({ email: 'ada@example.com' }).where('id', '=', candidateId).execute()
  await w.call('candidates.addToJob', { jobId, candidateIds: [candidateId] })
  w.stub.setScript({
    chat: [
      { when: PER_ANSWER, reply: perAnswerReply(4) },
      {
        when: ACROSS,
        reply: JSON.stringify({
          skills: SKILLS.map((skill, i) => ({
            skill,
            score: i === 2 ? 2 : 4,
            reason: `Shown in turn ${i}.`,
            quotes: [{ turnIndex: i, text: firstWords(GOOD_ANSWERS[i]!) }],
          })),
          consistency: [],
        }),
      },
      {
        when: OVERALL,
        reply: JSON.stringify({
          strengths: [{ point: 'Concrete about caching trade-offs.', quotes: [] }],
          weaknesses: [
            { point: PASTED_WEAKNESS, quotes: [] },
            { point: 'Little on how tests are organised.', quotes: [] },
          ],
          nextSteps: ['Probe testing strategy.'],
        }),
      },
    ],
  })
  const answers = GOOD_ANSWERS.map((text, i) =>
    i === 1 ? { text, inputMode: 'text' as const, pastedChars: text.length } : { text },
  )
  const sessionId = await w.interview(answers, {
    candidateId,
    candidateName: 'Ada Lovelace',
    jobId,
    events: [{ beforeTurn: 2, kind: 'focus_lost', amount: 9000 }],
  })
  await w.drainQueue()
  const assessments = await w.assessments(sessionId)
  const kinds = assessments.latest!.integrity.map((s) => s.kind)
  expect(kinds).toContain('pasted_answer')
  return { candidateId, sessionId, signals: assessments.latest!.integrity }
}

const feedbackOf = (w: AssessmentWorld, candidateId: string) =>
  w.call<CandidateFeedback>('feedback.forCandidate', { candidateId })

const chatRequests = (w: AssessmentWorld) =>
  w.stub.requests.filter((r) => r.route === 'chat').map((r) => r.json as ChatRequestBody)

describe('feedback to candidates', () => {
  it('approve path: an AI draft from the assessment, never its integrity signals, sent as approved', async () => {
    const { w } = await world()
    const sink = await mailTo(w)
    const { candidateId, sessionId, signals } = await assessedWithSignals(w)
    const options = (await feedbackOf(w, candidateId)).options
    expect(options).toEqual([expect.objectContaining({ basis: 'assessment', sessionId, jobTitle: 'Backend engineer' })])

    const AI_BODY =
      'Your answer on caching was concrete and showed you weigh trade-offs well. On testing, describing how you organise a suite and what you test first would make your answer stronger. A short example from your own work helps.'
    w.stub.setScript({
      chat: [{ when: { systemIncludes: 'constructive feedback' }, reply: JSON.stringify({ body: AI_BODY }) }],
    })
    const before = chatRequests(w).length
    const draft = await w.call<FeedbackView>('feedback.draft', { candidateId, sessionId })
    expect(draft).toMatchObject({ status: 'draft', source: 'ai', sourceNote: null, to: 'ada@example.com' })
    expect(draft.body).toBe(`Dear Ada,\n\n${AI_BODY}\n\nKind regards,\nAcme Hiring`)

    // What the model was given: the questions and allowed facts, none of the signals or the model's pasted remark.
    const [request] = chatRequests(w).slice(before)
    const sent = JSON.stringify(request)
    expect(sent).toContain('How would you use caching in a busy web service')
    expect(sent).toContain('Little on how tests are organised.')
    expect(sent).not.toMatch(/past(e|ed|ing)/i)
    expect(sent).not.toMatch(/integrity|focus|\btabs?\b/i)
    for (const signal of signals) {
      expect(sent).not.toContain(signal.kind)
      expect(sent).not.toContain(signal.evidence)
    }
    expect(sent).not.toContain('Ada')
    expect(sent).not.toContain('ada@example.com')

    const autoSend = async () =>
      (await w.studio.queue.list({ limit: 500 })).filter((j) => j.kind === 'feedback.autoSend').map((j) => j.status)
    expect(await autoSend()).toEqual(['queued'])
    const approved = await w.call<FeedbackView>('feedback.approve', {
      id: draft.id,
      subject: draft.subject,
      body: draft.body,
      to: draft.to,
    })
    expect(approved.status).toBe('sending')
    // Approved, its automatic send no longer waits in the queue.
    expect(await autoSend()).toEqual(['cancelled'])
    await w.drainQueue()
    expect(sink.received).toHaveLength(1)
    const [mail] = sink.received
    expect(mail!.to).toEqual(['ada@example.com'])
    expect(mail!.parsed.subject).toBe('Your interview for Backend engineer: feedback')
    expect(mail!.parsed.text!.trim()).toBe(draft.body)
    expect(String(mail!.parsed.html)).toContain('<p>Dear Ada,</p>')
    for (const text of [mail!.raw, mail!.parsed.text!, String(mail!.parsed.html)]) {
      expect(text).not.toMatch(/past(e|ed|ing)|integrity|focus/i)
      for (const signal of signals) expect(text).not.toContain(signal.evidence)
    }
    const [view] = (await feedbackOf(w, candidateId)).drafts
    expect(view).toMatchObject({ status: 'sent', deliveryStatus: 'sent' })
    expect(view!.sentAt).toEqual(expect.any(Number))
    // Approved once: approving again is refused, nothing more is sent.
    const again = await w.studio.dispatch(
      'feedback.approve',
      { id: draft.id, subject: draft.subject, body: draft.body, to: 'ada@example.com' },
      { audience: 'recruiter' },
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('an AI draft that mentions a signal is replaced by the template, which says so; the template never mentions one either', async () => {
    const { w } = await world()
    const { candidateId, sessionId, signals } = await assessedWithSignals(w)
    w.stub.setScript({
      chat: [
        {
          when: { systemIncludes: 'constructive feedback' },
          reply: JSON.stringify({
            body: 'Good caching answer. However you switched tabs during the interview and pasted one answer, which we noticed.',
          }),
        },
      ],
    })
    const draft = await w.call<FeedbackView>('feedback.draft', { candidateId, sessionId })
    expect(draft.source).toBe('template')
    expect(draft.sourceNote).toMatch(/The AI draft mentioned tab or window switching, pasted answers/)
    expect(draft.body).toContain('Concrete about caching trade-offs.')
    expect(draft.body).toContain('Little on how tests are organised.')
    expect(draft.body).not.toMatch(/past(e|ed|ing)|switch/i)
    for (const signal of signals) expect(draft.body).not.toContain(signal.evidence)
  })

  it('edit path: the recruiter’s edited text is what arrives; a text naming a signal is refused with the reason', async () => {
    const { w } = await world()
    const sink = await mailTo(w)
    const { candidateId, applicationId } = await rejectedAfterScreening(w)
    const draft = await w.call<FeedbackView>('feedback.draft', { candidateId, applicationId })
    // No AI key: a template from the same facts, and it says so.
    expect(draft).toMatchObject({ source: 'template', basis: 'screening', to: 'bo@example.com' })
    expect(draft.sourceNote).toMatch(/No AI provider is available/)
    expect(draft.body).toContain('Your resume shows clear experience with React')
    expect(draft.body).toContain('The role also asks for TypeScript and GraphQL')
    expect(w.stub.requests.filter((r) => r.route === 'chat')).toHaveLength(0)

    const edited = `${draft.body.replace('Kind regards', 'Best wishes')}\n\nP.S. We are hiring juniors in spring.`
    const saved = await w.call<FeedbackView>('feedback.update', {
      id: draft.id,
      subject: 'Feedback on your application',
      body: edited,
      to: 'bo.jensen@example.com',
    })
    expect(saved).toMatchObject({ status: 'draft', body: edited, to: 'bo.jensen@example.com' })

    const refused = await w.studio.dispatch(
      'feedback.approve',
      {
        id: draft.id,
        subject: 'Feedback on your application',
        body: `${edited}\n\nOur system noticed you switched tabs twice and lost focus.`,
        to: 'bo.jensen@example.com',
      },
      { audience: 'recruiter' },
    )
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid_input')
      expect(refused.error.message).toMatch(/^This feedback mentions tab or window switching, focus loss\./)
    }
    await w.drainQueue()
    expect(sink.received).toHaveLength(0)

    await w.call('feedback.approve', {
      id: draft.id,
      subject: 'Feedback on your application',
      body: edited,
      to: 'bo.jensen@example.com',
    })
    await w.drainQueue()
    expect(sink.received).toHaveLength(1)
    expect(sink.received[0]!.to).toEqual(['bo.jensen@example.com'])
    expect(sink.received[0]!.parsed.subject).toBe('Feedback on your application')
    expect(sink.received[0]!.parsed.text!.trim()).toBe(edited)
  })

  it('sends an unreviewed draft once its window has passed, and not a minute before', async () => {
    const { w, clock } = await world()
    const sink = await mailTo(w)
    const { candidateId, applicationId } = await rejectedAfterScreening(w)
    expect(await w.call('feedback.policy', {})).toEqual({ autoSendHours: 4 })
    const draft = await w.call<FeedbackView>('feedback.draft', { candidateId, applicationId })
    expect(draft.autoSendAt).toBe(clock.now() + 4 * HOUR)

    await w.drainQueue()
    clock.advance(4 * HOUR - 60_000)
    await w.drainQueue()
    expect(sink.received).toHaveLength(0)
    expect((await feedbackOf(w, candidateId)).drafts[0]!.status).toBe('draft')

    clock.advance(2 * 60_000)
    await w.drainQueue()
    expect(sink.received).toHaveLength(1)
    expect(sink.received[0]!.parsed.text!.trim()).toBe(draft.body)
    expect((await feedbackOf(w, candidateId)).drafts[0]).toMatchObject({ status: 'sent' })

    // Sent once, it cannot be drafted a second time.
    const again = await w.studio.dispatch('feedback.draft', { candidateId, applicationId }, { audience: 'recruiter' })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })

    // A discarded draft is never sent by its window, and may be drafted again.
    const other = await rejectedAfterScreening(w)
    const second = await w.call<FeedbackView>('feedback.draft', other)
    const twice = await w.studio.dispatch('feedback.draft', other, { audience: 'recruiter' })
    expect(twice).toMatchObject({
      ok: false,
      error: { message: 'There is already a draft for this: edit it, or discard it to start again.' },
    })
    expect((await w.call<FeedbackView>('feedback.discard', { id: second.id })).status).toBe('discarded')
    clock.advance(5 * HOUR)
    await w.drainQueue()
    expect(sink.received).toHaveLength(1)
    expect((await w.call<FeedbackView>('feedback.draft', other)).status).toBe('draft')
  })

  it('off switch: with automatic sending off, nothing is sent however long a draft waits', async () => {
    const { w, clock } = await world()
    const sink = await mailTo(w)
    const { candidateId, applicationId } = await rejectedAfterScreening(w)
    // A draft made while it was on, then the workspace turns it off before the window ends.
    const early = await w.call<FeedbackView>('feedback.draft', { candidateId, applicationId })
    expect(early.autoSendAt).not.toBeNull()
    expect(await w.call('feedback.setPolicy', { autoSendHours: null })).toEqual({ autoSendHours: null })
    const other = await rejectedAfterScreening(w)
    const late = await w.call<FeedbackView>('feedback.draft', other)
    expect(late.autoSendAt).toBeNull()

    clock.advance(48 * HOUR)
    await w.drainQueue()
    expect(sink.received).toHaveLength(0)
    for (const id of [candidateId, other.candidateId])
      expect((await feedbackOf(w, id)).drafts.map((d) => d.status)).toEqual(['draft'])
  })

  it('SMTP down then up: retried, arrives exactly once under one Message-ID', async () => {
    const { w, clock } = await world()
    const sink = await mailTo(w, { down: true })
    const { candidateId, applicationId } = await rejectedAfterScreening(w)
    const draft = await w.call<FeedbackView>('feedback.draft', { candidateId, applicationId })
    await w.call('feedback.approve', { id: draft.id, subject: draft.subject, body: draft.body, to: 'bo@example.com' })

    // Each attempt is refused; the world's queue waits a minute between attempts.
    for (let attempt = 1; attempt <= 2; attempt++) {
      await w.drainQueue()
      clock.advance(61_000)
    }
    const [view] = (await feedbackOf(w, candidateId)).drafts
    expect(view).toMatchObject({ status: 'sending', deliveryStatus: 'queued' })
    expect(view!.deliveryError).toMatch(/connection was refused/)
    const [waiting] = await w.call<MailDeliveryView[]>('mail.deliveries', { id: view!.deliveryId })
    expect(waiting!.attempts).toBe(2)

    await sink.listen()
    await w.drainQueue()
    clock.advance(10 * 60_000)
    await w.drainQueue()
    expect(sink.received).toHaveLength(1)
    const [sent] = await w.call<MailDeliveryView[]>('mail.deliveries', { id: view!.deliveryId })
    expect(sent).toMatchObject({ status: 'sent', attempts: 3 })
    expect(sink.received[0]!.parsed.messageId).toBe(sent!.messageId)
    expect((await feedbackOf(w, candidateId)).drafts[0]!.status).toBe('sent')
  })

  it('deleting the candidate removes their feedback, the emails sent to them and the jobs that sent them', async () => {
    const { w } = await world()
    await mailTo(w)
    const { candidateId, applicationId } = await rejectedAfterScreening(w)
    const draft = await w.call<FeedbackView>('feedback.draft', { candidateId, applicationId })
    await w.call('feedback.approve', { id: draft.id, subject: draft.subject, body: draft.body, to: 'bo@example.com' })
    await w.drainQueue()
    const [sent] = (await feedbackOf(w, candidateId)).drafts
    expect(sent!.status).toBe('sent')

    const preview = await w.call<DeletionPreview>('rights.deletePreview', { candidateId })
    expect(preview.rows).toEqual(
      expect.arrayContaining([
        { kind: 'emails', count: 1 },
        { kind: 'feedback', count: 1 },
      ]),
    )
    await w.call('rights.deleteCandidate', { candidateId })
    for (const [table, text] of await everyTableText(w))
      for (const trace of ['bo@example.com', 'Dear Bo', draft.id, sent!.deliveryId!])
        expect(text.includes(trace), `${table} still holds "${trace}"`).toBe(false)
  })
})
