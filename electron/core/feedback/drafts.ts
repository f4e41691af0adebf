import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { StudioError } from '../../../shared/contract/errors'
import type { CandidateFeedback, FeedbackView } from '../../../shared/contract/feedback'
import type { PromptLibrary } from '../ai/prompts/library'
import type { Chat } from '../ai/types'
import { UNMETERED, type QuotaGate } from '../billing/types'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import { NOT_SET_UP, type MailOutbox } from '../mail/app'
import type { Queue } from '../queue/queue'
import { aiFeedbackBody } from './ai-draft'
import { FEEDBACK_AUTO_SEND_JOB } from './auto-send-job'
import { feedbackFacts, type FeedbackSubject } from './facts'
import { forbiddenMentions, refusalFor } from './forbidden-mentions'
import { feedbackOptions } from './options'
import { readFeedbackPolicy } from './policy'
import { queueDraftEmail } from './send-draft'
import { feedbackSubject, templateDraft, wrapFeedback, type DraftText } from './template-draft'
import { draftView, feedbackViews, readDraft } from './views'

export interface FeedbackDeps {
  db: Kysely<Database>
  queue: Queue
  clock: Clock
  logger: Logger
  mail: MailOutbox
  /** The chat capability, or null when there is no key, no network or the circuit is open. */
  chat(): Chat | null
  chatModel(): string
  prompts: PromptLibrary
  /** A team workspace's AI quota: each AI draft counts as one unit of AI screening. */
  quota?: QuotaGate
}

const HOUR_MS = 60 * 60_000

export async function candidateFeedback(deps: FeedbackDeps, candidateId: string): Promise<CandidateFeedback> {
  const candidate = await deps.db
    .selectFrom('candidates')
    .select('email')
    .where('id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!candidate) throw new StudioError('not_found', 'No such candidate')
  const rows = await deps.db
    .selectFrom('feedback_drafts')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return {
    drafts: await feedbackViews(deps.db, rows),
    options: await feedbackOptions(deps.db, candidateId),
    email: candidate.email,
  }
}

type Written = DraftText & { source: 'ai' | 'template'; sourceNote: string | null; promptRef: string | null }

/** The AI's draft when it can write one that passes the check; otherwise the template, saying why. */
async function writeDraft(
  deps: FeedbackDeps,
  facts: Awaited<ReturnType<typeof feedbackFacts>>['facts'],
  senderName: string,
  draftId: string,
): Promise<Written> {
  const template = (sourceNote: string): Written => ({
    ...templateDraft(facts, senderName),
    source: 'template',
    sourceNote,
    promptRef: null,
  })
  const chat = deps.chat()
  if (!chat)
    return template(
      'No AI provider is available (no key, or offline), so this is a template built from the same facts.',
    )
  const quota = deps.quota ?? UNMETERED
  const work = `feedback.draft:${draftId}`
  const admission = await quota.admit(work, 'ai_screening')
  if (!admission.ok) return template(`${admission.message} So this is a template built from the same facts.`)
  try {
    const { body, promptRef } = await aiFeedbackBody(chat, deps.prompts, facts)
    const found = forbiddenMentions(body)
    if (found.length)
      return template(
        `The AI draft mentioned ${found.join(', ')}, which feedback never does, so this is a template built from the same facts.`,
      )
    return {
      subject: feedbackSubject(facts),
      body: wrapFeedback(facts, body, senderName),
      source: 'ai',
      sourceNote: null,
      promptRef,
    }
  } catch (error) {
    await quota.release(work)
    deps.logger.warn('feedback draft by AI failed; using the template', { error: String(error) })
    return template('The AI draft could not be written just now, so this is a template built from the same facts.')
  }
}

/**
 * One feedback per screening or interview: a second draft beside an open one would reach the
 * candidate twice once both windows pass. Only after a discard may it be drafted again (a failed
 * email is sent again with Retry now).
 */
async function refuseSecondFeedback(db: Kysely<Database>, subject: FeedbackSubject) {
  const existing = await db
    .selectFrom('feedback_drafts')
    .select(['status'])
    .where(subject.sessionId ? 'session_id' : 'application_id', '=', (subject.sessionId ?? subject.applicationId)!)
    .where('status', 'in', ['draft', 'sending', 'sent'])
    .executeTakeFirst()
  if (!existing) return
  throw new StudioError(
    'conflict',
    existing.status === 'draft'
      ? 'There is already a draft for this: edit it, or discard it to start again.'
      : 'Feedback on this was already approved and sent; its status is shown with it.',
  )
}

/** Writes a draft and, when the workspace sends automatically, queues its sending for when the window ends. */
export async function createDraft(
  deps: FeedbackDeps,
  input: FeedbackSubject & { to: string | null },
): Promise<FeedbackView> {
  if (!input.sessionId && !input.applicationId)
    throw new StudioError('invalid_input', 'Choose the screening or the interview the feedback is about')
  const options = await feedbackOptions(deps.db, input.candidateId)
  const allowed = options.some((o) =>
    input.sessionId ? o.sessionId === input.sessionId : o.applicationId === input.applicationId,
  )
  if (!allowed)
    throw new StudioError(
      'conflict',
      'Feedback can be drafted after an application is rejected at screening, or after an interview is assessed',
    )
  await refuseSecondFeedback(deps.db, input)
  const { facts, email } = await feedbackFacts(deps.db, input)
  const settings = await deps.mail.settings()
  const id = uuidv7()
  const written = await writeDraft(deps, facts, settings?.fromName ?? 'The hiring team', id)
  const policy = await readFeedbackPolicy(deps.db)
  const now = deps.clock.now()
  const autoSendAt = policy.autoSendHours === null ? null : now + policy.autoSendHours * HOUR_MS
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('feedback_drafts')
      .values({
        id,
        candidate_id: input.candidateId,
        application_id: input.sessionId ? null : input.applicationId,
        session_id: input.sessionId,
        basis: facts.basis,
        job_title: facts.jobTitle,
        source: written.source,
        source_note: written.sourceNote,
        prompt_ref: written.promptRef,
        model: written.source === 'ai' ? deps.chatModel() : null,
        status: 'draft',
        to_address: input.to ?? email,
        subject: written.subject,
        body: written.body,
        created_at: now,
        updated_at: now,
        auto_send_at: autoSendAt,
        held_reason: null,
        delivery_id: null,
      })
      .execute()
    if (autoSendAt !== null)
      await deps.queue.enqueue(
        trx,
        FEEDBACK_AUTO_SEND_JOB,
        { feedbackId: id },
        { runAt: autoSendAt, idempotencyKey: `${FEEDBACK_AUTO_SEND_JOB}:${id}`, maxAttempts: 5 },
      )
  })
  return draftView(deps.db, id)
}

/**
 * Once a draft is approved or discarded its automatic send has nothing left to do: cancelled, it no
 * longer shows as work waiting in the queue. (Were it to run anyway, it finds no draft and sends nothing.)
 */
async function cancelAutoSend(deps: FeedbackDeps, feedbackId: string) {
  const job = await deps.db
    .selectFrom('jobs')
    .select('id')
    .where('idempotency_key', '=', `${FEEDBACK_AUTO_SEND_JOB}:${feedbackId}`)
    .where('status', '=', 'queued')
    .executeTakeFirst()
  if (job) await deps.queue.cancel(job.id).catch(() => undefined)
}

async function mustBeDraft(deps: FeedbackDeps, id: string) {
  const row = await readDraft(deps.db, id)
  if (row.status !== 'draft') throw new StudioError('conflict', `This feedback is already ${row.status}`)
  return row
}

export async function updateDraft(
  deps: FeedbackDeps,
  input: { id: string; subject: string; body: string; to: string | null },
): Promise<FeedbackView> {
  await mustBeDraft(deps, input.id)
  await deps.db
    .updateTable('feedback_drafts')
    .set({ subject: input.subject, body: input.body, to_address: input.to, updated_at: deps.clock.now() })
    .where('id', '=', input.id)
    .where('status', '=', 'draft')
    .execute()
  return draftView(deps.db, input.id)
}

/** The recruiter's approval: the text as they left it goes out now, unless it mentions what feedback must not. */
export async function approveDraft(
  deps: FeedbackDeps,
  input: { id: string; subject: string; body: string; to: string },
): Promise<FeedbackView> {
  const row = await mustBeDraft(deps, input.id)
  const refusal = refusalFor(`${input.subject}\n${input.body}`)
  if (refusal) throw new StudioError('invalid_input', refusal)
  const settings = await deps.mail.settings()
  if (!settings) throw new StudioError('conflict', NOT_SET_UP)
  const queued = await deps.db
    .transaction()
    .execute((trx) =>
      queueDraftEmail(
        trx,
        deps,
        { id: row.id, candidate_id: row.candidate_id, to: input.to, subject: input.subject, body: input.body },
        settings,
      ),
    )
  if (!queued) throw new StudioError('conflict', 'This feedback was sent or discarded meanwhile')
  deps.mail.notify()
  await cancelAutoSend(deps, input.id)
  return draftView(deps.db, input.id)
}

export async function discardDraft(deps: FeedbackDeps, id: string): Promise<FeedbackView> {
  await mustBeDraft(deps, id)
  await deps.db
    .updateTable('feedback_drafts')
    .set({ status: 'discarded', updated_at: deps.clock.now() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute()
  await cancelAutoSend(deps, id)
  return draftView(deps.db, id)
}
