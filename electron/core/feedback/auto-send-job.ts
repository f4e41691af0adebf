import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import { NOT_SET_UP, type MailOutbox } from '../mail/app'
import { defineJob } from '../queue/types'
import { refusalFor } from './forbidden-mentions'
import { readFeedbackPolicy } from './policy'
import { queueDraftEmail } from './send-draft'

export const FEEDBACK_AUTO_SEND_JOB = 'feedback.autoSend'

export interface AutoSendDeps {
  clock: Clock
  mail: MailOutbox
}

const hold = (db: Kysely<Database>, id: string, reason: string, now: number) =>
  db
    .updateTable('feedback_drafts')
    .set({ held_reason: reason, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute()

/**
 * Sends a draft nobody reviewed once its window has passed, as the workspace's policy says at that
 * moment: turned off since, and nothing goes. A draft the recruiter approved, sent or discarded is
 * left alone; one that cannot go (no address, no email settings, a text that mentions what feedback
 * must not) is held with the reason, for the recruiter to see.
 */
export function autoSendJob(deps: AutoSendDeps) {
  return defineJob({
    kind: FEEDBACK_AUTO_SEND_JOB,
    payload: z.object({ feedbackId: z.string().min(1).max(64) }),
    title: () => 'Send unreviewed feedback',
    async run({ feedbackId }, ctx) {
      const draft = await ctx.db
        .selectFrom('feedback_drafts')
        .selectAll()
        .where('id', '=', feedbackId)
        .executeTakeFirst()
      if (!draft || draft.status !== 'draft') return { sent: false, reason: draft ? `already ${draft.status}` : 'gone' }
      const policy = await readFeedbackPolicy(ctx.db)
      if (policy.autoSendHours === null) return { sent: false, reason: 'automatic sending is off' }
      const now = deps.clock.now()
      const settings = await deps.mail.settings()
      const problem = !draft.to_address
        ? 'Not sent automatically: the candidate has no email address. Add one and approve it.'
        : !settings
          ? `Not sent automatically. ${NOT_SET_UP}`
          : refusalFor(`${draft.subject}\n${draft.body}`)
      if (problem || !settings || !draft.to_address) {
        await hold(ctx.db, draft.id, problem ?? NOT_SET_UP, now)
        return { sent: false, reason: problem }
      }
      const queued = await ctx.db
        .transaction()
        .execute((trx) =>
          queueDraftEmail(
            trx,
            deps,
            { ...draft, to: draft.to_address!, subject: draft.subject, body: draft.body },
            settings,
          ),
        )
      if (queued) deps.mail.notify()
      return { sent: queued }
    },
  })
}
