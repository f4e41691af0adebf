import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Queue } from '../queue/queue'
import { WEBHOOK_DELIVER_JOB } from './deliver-job'

const BATCH = 100

/**
 * Turns recorded events into one queued delivery per subscribed endpoint (an event none
 * subscribes to is deleted). Each event is handled in
 * one transaction (deliveries, their jobs, and the mark that it was handled), and both the
 * delivery's (event, endpoint) pair and the job's idempotency key are unique, so running this twice,
 * or again after a crash, never queues an event to an endpoint a second time.
 */
export async function fanOut(deps: { db: Kysely<Database>; queue: Queue; clock: Clock }): Promise<number> {
  const { db, queue, clock } = deps
  let handled = 0
  for (;;) {
    const events = await db
      .selectFrom('webhook_events')
      .select(['id', 'type'])
      .where('fanned_out_at', 'is', null)
      .orderBy('created_at')
      .limit(BATCH)
      .execute()
    if (!events.length) break
    const endpoints = await db.selectFrom('webhook_endpoints').select(['id', 'events']).execute()
    for (const event of events) {
      await db.transaction().execute(async (trx) => {
        for (const endpoint of endpoints) {
          if (!(JSON.parse(endpoint.events) as string[]).includes(event.type)) continue
          const deliveryId = uuidv7()
          const inserted = await trx
            .insertInto('webhook_deliveries')
            .values({
              id: deliveryId,
              event_id: event.id,
              endpoint_id: endpoint.id,
              job_id: null,
              status: 'pending',
              created_at: clock.now(),
              delivered_at: null,
            })
            .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
            .executeTakeFirst()
          if (!inserted.numInsertedOrUpdatedRows) continue
          const jobId = await queue.enqueue(
            trx,
            WEBHOOK_DELIVER_JOB,
            { deliveryId },
            { idempotencyKey: `${WEBHOOK_DELIVER_JOB}:${event.id}:${endpoint.id}` },
          )
          await trx.updateTable('webhook_deliveries').set({ job_id: jobId }).where('id', '=', deliveryId).execute()
        }
        const delivered = await trx
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('event_id', '=', event.id)
          .executeTakeFirst()
        // An event no endpoint receives is not kept: it names a candidate and would serve no one.
        if (delivered)
          await trx
            .updateTable('webhook_events')
            .set({ fanned_out_at: clock.now() })
            .where('id', '=', event.id)
            .execute()
        else await trx.deleteFrom('webhook_events').where('id', '=', event.id).execute()
      })
      handled++
    }
  }
  if (handled) queue.notify()
  return handled
}
