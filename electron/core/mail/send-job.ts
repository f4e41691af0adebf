import { z } from 'zod'
import type { Clock } from '../clock'
import { defineJob, PermanentJobError } from '../queue/types'
import type { SecretStore } from '../settings/types'
import { readSmtpSettings, SMTP_PASSWORD } from './settings'
import type { MailSender } from './transport'

export const MAIL_SEND_JOB = 'mail.send'

export interface SendJobDeps {
  clock: Clock
  secrets: SecretStore
  send: MailSender
}

/**
 * Sends one stored email. Like every job it may run more than once; the email goes out once as far
 * as SMTP allows: the server's acceptance is written to the delivery before the job is marked done,
 * so a retry or a restart that finds it sent sends nothing. The one gap SMTP leaves — a crash after
 * the server's "250" and before that write — resends under the same Message-ID, which mail systems
 * and the candidate's client recognise as the same message.
 */
export function sendJob(deps: SendJobDeps) {
  return defineJob({
    kind: MAIL_SEND_JOB,
    payload: z.object({ deliveryId: z.string().min(1).max(64) }),
    title: () => 'Send an email',
    async run({ deliveryId }, ctx) {
      const row = await ctx.db.selectFrom('mail_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst()
      if (!row) throw new PermanentJobError('The email no longer exists')
      if (row.status === 'sent') return { sent: true, messageId: row.message_id }
      const settings = await readSmtpSettings(ctx.db)
      if (!settings) {
        const error = 'Email is not set up: add the SMTP server in Settings → Email, then send it again.'
        await ctx.db
          .updateTable('mail_deliveries')
          .set({ status: 'failed', attempts: ctx.attempt, last_error: error })
          .where('id', '=', deliveryId)
          .execute()
        throw new PermanentJobError(error)
      }
      await ctx.db
        .updateTable('mail_deliveries')
        .set({ status: 'sending', attempts: ctx.attempt })
        .where('id', '=', deliveryId)
        .execute()
      const outcome = await deps.send(
        { ...settings, password: deps.secrets.get(SMTP_PASSWORD) },
        {
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          messageId: row.message_id,
        },
        ctx.signal,
      )
      if (outcome.ok) {
        await ctx.db
          .updateTable('mail_deliveries')
          .set({ status: 'sent', sent_at: deps.clock.now(), server_response: outcome.response, last_error: null })
          .where('id', '=', deliveryId)
          .execute()
        return { sent: true, messageId: row.message_id }
      }
      await ctx.db
        .updateTable('mail_deliveries')
        .set({ status: outcome.permanent ? 'failed' : 'queued', last_error: outcome.error })
        .where('id', '=', deliveryId)
        .execute()
      if (outcome.permanent) throw new PermanentJobError(outcome.error)
      throw new Error(outcome.error)
    },
  })
}
