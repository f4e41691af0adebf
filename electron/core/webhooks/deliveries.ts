import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import type { WebhookDeliveryView, WebhookEventType } from '../../../shared/contract/webhooks'
import type { Database } from '../db/schema'
import type { Queue } from '../queue/queue'

/** The queue's word on a delivery not yet made: gave up (or cancelled) means failed. */
const GAVE_UP = new Set(['failed', 'dead', 'cancelled'])

export async function listDeliveries(
  db: Kysely<Database>,
  filter: { endpointId?: string; limit: number; id?: string },
): Promise<WebhookDeliveryView[]> {
  let query = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .leftJoin('webhook_endpoints as p', 'p.id', 'd.endpoint_id')
    .leftJoin('jobs as j', 'j.id', 'd.job_id')
    .select([
      'd.id',
      'd.event_id',
      'd.endpoint_id',
      'd.status',
      'd.created_at',
      'd.delivered_at',
      'e.type',
      'p.url',
      'j.status as job_status',
    ])
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.limit)
  if (filter.endpointId) query = query.where('d.endpoint_id', '=', filter.endpointId)
  if (filter.id) query = query.where('d.id', '=', filter.id)
  const rows = await query.execute()
  const attempts = rows.length
    ? await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : []
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    eventType: row.type as WebhookEventType,
    endpointId: row.endpoint_id,
    url: row.url ?? '(endpoint removed)',
    status:
      row.status === 'delivered'
        ? 'delivered'
        : row.status === 'failed' || GAVE_UP.has(row.job_status ?? '')
          ? 'failed'
          : 'pending',
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    attempts: attempts
      .filter((a) => a.delivery_id === row.id)
      .map((a) => ({
        attempt: a.attempt,
        at: a.at,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
        responseExcerpt: a.response_excerpt,
      })),
  }))
}

/**
 * "Retry now" for a delivery the queue gave up on: the same job runs again, so the same event id
 * goes out. A delivered one is refused (the receiver has it), and so is one still being retried.
 */
export async function retryDelivery(db: Kysely<Database>, queue: Queue, id: string): Promise<WebhookDeliveryView> {
  const [delivery] = await listDeliveries(db, { id, limit: 1 })
  if (!delivery) throw new StudioError('not_found', 'No such delivery')
  if (delivery.status !== 'failed') {
    throw new StudioError('conflict', `This delivery is ${delivery.status}; only a failed one can be retried`)
  }
  const row = await db
    .selectFrom('webhook_deliveries')
    .select(['job_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const endpoint = await db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('id', '=', delivery.endpointId)
    .executeTakeFirst()
  if (!endpoint || !row.job_id) throw new StudioError('conflict', 'The endpoint of this delivery was removed')
  await queue.retry(row.job_id)
  const [after] = await listDeliveries(db, { id, limit: 1 })
  return after!
}
