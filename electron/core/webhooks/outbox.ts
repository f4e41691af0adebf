import { AsyncResource } from 'node:async_hooks'
import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { OutgoingEvent } from '../../../shared/contract/webhooks'
import type { Clock } from '../clock'
import { insertRow, type Direct } from '../db/direct'
import type { Database } from '../db/schema'
import type { OutgoingEvents } from '../outgoing-events'

/**
 * The outbox side of the webhooks: an event row written in the caller's transaction. `committed`
 * runs on the next turn of the event loop, when that transaction has ended (the Kysely connection
 * is shared, so the fan-out's own transaction waits for it); a rolled-back event left no row.
 * `committed` runs in the async context this outbox was made in, not the transaction's: the
 * connection guard would otherwise take the fan-out for a query made inside that transaction.
 */
export function createOutbox(clock: Clock, committed: () => void): OutgoingEvents {
  const row = (event: OutgoingEvent) => ({
    // The Standard Webhooks message id: sent as webhook-id on every attempt to every endpoint.
    id: `msg_${uuidv7()}`,
    type: event.type,
    payload: JSON.stringify(event.data),
    created_at: clock.now(),
    fanned_out_at: null,
  })
  const outsideTransaction = AsyncResource.bind(committed)
  const later = () => void setImmediate(outsideTransaction)
  return {
    async record(trx: Transaction<Database>, event) {
      await trx.insertInto('webhook_events').values(row(event)).execute()
      later()
    },
    recordNow(direct: Direct, event) {
      insertRow(direct, 'webhook_events', row(event))
      later()
    },
  }
}
