import type { QuotaKind } from '../../../shared/contract/billing'

/*
 * Billing's local tables (migration 0150). Neither syncs: each computer reads the plan from the
 * workspace itself on every sync, and its reservations are its own.
 */

export interface BillingEntitlementsTable {
  org_id: string
  /** The Entitlement as JSON, as last read from the workspace. */
  entitlement: string
  fetched_at: number
  /** Why the last attempt to read it failed; null after a success. */
  offline: string | null
}

/**
 * - `requesting`: the id is chosen and the server may or may not have counted it (a crash between):
 *   asking again with the same id is safe, the server answers the same.
 * - `reserved`: counted; the work may run (again, when retried).
 * - `offline`: run within the grace period without reaching the server; counted at the next sync.
 * - `released`: given back because the work did not start; a later attempt asks with a new id.
 * - `refused`: the quota ran out; a later attempt (after an upgrade) asks with a new id.
 */
export type ReservationState = 'requesting' | 'reserved' | 'offline' | 'released' | 'refused'

export interface BillingReservationsTable {
  work_key: string
  org_id: string
  kind: QuotaKind
  request_id: string
  reservation_id: string | null
  state: ReservationState
  /** The refusal in words, for `refused`. */
  message: string | null
  updated_at: number
}

export interface BillingTables {
  billing_entitlements: BillingEntitlementsTable
  billing_reservations: BillingReservationsTable
}
