import type { Kysely, Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { StudioError } from '../../../shared/contract/errors'
import type { MailDeliveryView, MailKind } from '../../../shared/contract/mail'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Queue } from '../queue/queue'
import { MAIL_SEND_JOB } from './send-job'

export interface NewMail {
  kind: MailKind
  to: string
  subject: string
  text: string
  html: string
  candidateId: string | null
  sourceId: string | null
}

/**
 * A candidate's email may be down for a while; with the queue's backoff (capped at 5 minutes) 60
 * attempts keep trying for several hours before the delivery shows as failed for "Retry now".
 * A test message tries once: the recruiter is waiting for its answer.
 */
const MAX_ATTEMPTS: Record<MailKind, number> = { invitation: 60, feedback: 60, test: 1 }

/** A Message-ID on the sender's own domain, as RFC 5322 asks, fixed for the delivery's lifetime. */
export const messageIdFor = (deliveryId: string, fromAddress: string) =>
  `<${deliveryId}@${fromAddress.split('@')[1] ?? 'panelist.invalid'}>`

/** Writes the delivery and its queue job in the caller's transaction; call queue.notify() after it commits. */
export async function enqueueMail(
  trx: Transaction<Database> | Kysely<Database>,
  deps: { queue: Queue; clock: Clock },
  mail: NewMail,
  fromAddress: string,
): Promise<string> {
  const id = uuidv7()
  await trx
    .insertInto('mail_deliveries')
    .values({
      id,
      kind: mail.kind,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      message_id: messageIdFor(id, fromAddress),
      candidate_id: mail.candidateId,
      source_id: mail.sourceId,
      job_id: null,
      status: 'queued',
      attempts: 0,
      last_error: null,
      server_response: null,
      sent_at: null,
      created_at: deps.clock.now(),
    })
    .execute()
  const jobId = await deps.queue.enqueue(
    trx,
    MAIL_SEND_JOB,
    { deliveryId: id },
    { idempotencyKey: `${MAIL_SEND_JOB}:${id}`, maxAttempts: MAX_ATTEMPTS[mail.kind] },
  )
  await trx.updateTable('mail_deliveries').set({ job_id: jobId }).where('id', '=', id).execute()
  return id
}

/** The queue's word on a delivery not yet sent: gave up (or cancelled) means failed. */
const GAVE_UP = new Set(['failed', 'dead', 'cancelled'])

export async function listDeliveries(
  db: Kysely<Database>,
  filter: { id?: string; ids?: string[]; candidateId?: string; limit: number },
): Promise<MailDeliveryView[]> {
  let query = db
    .selectFrom('mail_deliveries as d')
    .leftJoin('jobs as j', 'j.id', 'd.job_id')
    .select([
      'd.id',
      'd.kind',
      'd.to_address',
      'd.subject',
      'd.status',
      'd.attempts',
      'd.last_error',
      'd.sent_at',
      'd.message_id',
      'd.candidate_id',
      'd.created_at',
      'j.status as job_status',
      'j.last_error as job_error',
    ])
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.limit)
  if (filter.id) query = query.where('d.id', '=', filter.id)
  if (filter.ids) query = query.where('d.id', 'in', filter.ids.length ? filter.ids : [''])
  if (filter.candidateId) query = query.where('d.candidate_id', '=', filter.candidateId)
  const rows = await query.execute()
  return rows.map((row) => {
    const gaveUp = row.status !== 'sent' && GAVE_UP.has(row.job_status ?? '')
    return {
      id: row.id,
      kind: row.kind,
      to: row.to_address,
      subject: row.subject,
      status: gaveUp ? 'failed' : row.status,
      attempts: row.attempts,
      lastError: row.last_error ?? (gaveUp ? row.job_error : null),
      sentAt: row.sent_at,
      messageId: row.message_id,
      candidateId: row.candidate_id,
      createdAt: row.created_at,
    }
  })
}

export async function getDelivery(db: Kysely<Database>, id: string): Promise<MailDeliveryView> {
  const [delivery] = await listDeliveries(db, { id, limit: 1 })
  if (!delivery) throw new StudioError('not_found', 'No such email')
  return delivery
}

/**
 * "Retry now" for an email the queue gave up on: the same job runs again with the same Message-ID.
 * A sent one is refused (the server has it), and so is one still being tried.
 */
export async function retryDelivery(db: Kysely<Database>, queue: Queue, id: string): Promise<MailDeliveryView> {
  const delivery = await getDelivery(db, id)
  if (delivery.status !== 'failed')
    throw new StudioError('conflict', `This email is ${delivery.status}; only a failed one can be sent again`)
  const row = await db.selectFrom('mail_deliveries').select('job_id').where('id', '=', id).executeTakeFirstOrThrow()
  if (!row.job_id) throw new StudioError('conflict', 'This email has no queue job to run again')
  await db.updateTable('mail_deliveries').set({ status: 'queued' }).where('id', '=', id).execute()
  await queue.retry(row.job_id)
  return getDelivery(db, id)
}
