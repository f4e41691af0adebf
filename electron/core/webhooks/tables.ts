import type { Generated } from 'kysely'

/*
 * Outgoing webhooks. Local only (never synced): a signing secret must not leave this machine, so
 * endpoints, the outbox of events and the delivery log live beside the queue, not in the change log.
 */

export interface WebhookEndpointsTable {
  id: string
  url: string
  /** JSON array of the event types this endpoint receives. */
  events: string
  /**
   * The `whsec_…` signing secret. Kept here rather than in the SecretStore: that store holds a fixed
   * set of provider keys, while endpoints come and go; the core needs the value itself to sign
   * (an HMAC key cannot be stored as a hash), and no request ever reads this column back.
   */
  secret: string
  /** The secret before the last rotation, still signing alongside the new one until previous_secret_until. */
  previous_secret: string | null
  previous_secret_until: number | null
  secret_rotated_at: number | null
  created_at: number
}

/** The outbox: one row per event, written in the transaction that made it happen. Its id is the webhook-id. */
export interface WebhookEventsTable {
  id: string
  type: string
  /** The JSON body's `data`, as sent. */
  payload: string
  created_at: number
  /** When deliveries were queued for the endpoints subscribed at the time; null until then. */
  fanned_out_at: number | null
}

/** One event to one endpoint; unique per pair, so an event is queued to an endpoint once. */
export interface WebhookDeliveriesTable {
  id: string
  event_id: string
  endpoint_id: string
  job_id: string | null
  status: 'pending' | 'delivered' | 'failed'
  created_at: number
  delivered_at: number | null
}

/** The delivery log: one row per HTTP attempt. */
export interface WebhookAttemptsTable {
  id: Generated<number>
  delivery_id: string
  attempt: number
  at: number
  status_code: number | null
  error: string | null
  duration_ms: number
  response_excerpt: string | null
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable
  webhook_events: WebhookEventsTable
  webhook_deliveries: WebhookDeliveriesTable
  webhook_attempts: WebhookAttemptsTable
}
