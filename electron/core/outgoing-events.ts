import type { Transaction } from 'kysely'
import type { OutgoingEvent } from '../../shared/contract/webhooks'
import type { Direct } from './db/direct'
import type { Database } from './db/schema'

/**
 * What a domain is handed to announce an event to the outside world (the ATS webhooks), so no
 * domain imports the webhooks module. Recording happens inside the caller's transaction: an event
 * exists exactly when the change it announces was committed, and keeps one id for ever.
 */
export interface OutgoingEvents {
  record(trx: Transaction<Database>, event: OutgoingEvent): Promise<void>
  /** The same, inside a synchronous transaction on the direct connection (resume intake). */
  recordNow(direct: Direct, event: OutgoingEvent): void
}
