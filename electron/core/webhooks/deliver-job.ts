import { z } from 'zod'
import type { Clock } from '../clock'
import { defineJob, PermanentJobError } from '../queue/types'
import type { SecretSealer } from './sealed-secrets'
import { signingSecrets } from './secrets'
import { sendSigned, type SendOptions } from './send'

export const WEBHOOK_DELIVER_JOB = 'webhook.deliver'

/**
 * A receiver down overnight should still get its events. With the queue's backoff (1 s doubling,
 * capped at 5 minutes, each delay between half and all of that) 300 attempts span 12 to 24 hours;
 * after that the delivery shows as failed and "Retry now" sends it again.
 */
export const WEBHOOK_MAX_ATTEMPTS = 300

export interface DeliverJobDeps {
  clock: Clock
  send: SendOptions
  sealer: SecretSealer
}

/** The body every attempt sends, byte for byte: only the headers' timestamp and signature change. */
export const webhookBody = (event: { type: string; payload: string; created_at: number }) =>
  `{"type":${JSON.stringify(event.type)},"timestamp":${JSON.stringify(new Date(event.created_at).toISOString())},"data":${event.payload}}`

/**
 * Delivers one event to one endpoint. At-least-once like every job: a crash between the receiver's
 * 2xx and our record of it sends again, with the same webhook-id, which the receiver deduplicates.
 */
export function deliverJob(deps: DeliverJobDeps) {
  return defineJob({
    kind: WEBHOOK_DELIVER_JOB,
    payload: z.object({ deliveryId: z.string().min(1).max(64) }),
    title: () => 'Send a webhook',
    maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    async run({ deliveryId }, ctx) {
      const row = await ctx.db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
        .leftJoin('webhook_endpoints as p', 'p.id', 'd.endpoint_id')
        .select([
          'd.status',
          'e.id as eventId',
          'e.type',
          'e.payload',
          'e.created_at',
          'p.id as endpointId',
          'p.url',
          'p.secret',
          'p.previous_secret',
          'p.previous_secret_until',
        ])
        .where('d.id', '=', deliveryId)
        .executeTakeFirst()
      if (!row) throw new PermanentJobError('The delivery no longer exists')
      if (row.status === 'delivered') return { delivered: true }
      const fail = async (reason: string) => {
        await ctx.db.updateTable('webhook_deliveries').set({ status: 'failed' }).where('id', '=', deliveryId).execute()
        return new PermanentJobError(reason)
      }
      if (!row.endpointId || !row.url || !row.secret) throw await fail('The endpoint was removed')
      const open = (sealed: string | null) => (sealed === null ? null : deps.sealer.open(row.endpointId!, sealed))
      const secret = open(row.secret)
      if (secret === null) {
        throw await fail(
          "This computer cannot read the endpoint's signing secret (its key is not in this computer's secret store): rotate the secret in Settings → Webhooks, give the receiver the new one, and retry",
        )
      }
      const sentAt = deps.clock.now()
      const outcome = await sendSigned(
        {
          url: row.url,
          messageId: row.eventId,
          body: webhookBody(row),
          secrets: signingSecrets(
            { secret, previous_secret: open(row.previous_secret), previous_secret_until: row.previous_secret_until },
            sentAt,
          ),
          sentAt: new Date(sentAt),
        },
        { ...deps.send, signal: ctx.signal },
      )
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('webhook_attempts')
          .values({
            delivery_id: deliveryId,
            attempt: ctx.attempt,
            at: sentAt,
            status_code: outcome.statusCode,
            error: outcome.error,
            duration_ms: outcome.durationMs,
            response_excerpt: outcome.responseExcerpt,
          })
          .execute()
        if (outcome.ok) {
          await trx
            .updateTable('webhook_deliveries')
            .set({ status: 'delivered', delivered_at: deps.clock.now() })
            .where('id', '=', deliveryId)
            .execute()
        }
      })
      if (!outcome.ok) throw new Error(outcome.error ?? 'The delivery failed')
      return { delivered: true, statusCode: outcome.statusCode }
    },
  })
}
