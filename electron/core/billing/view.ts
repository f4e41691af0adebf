import type { Kysely } from 'kysely'
import { BILLING_GRACE_MS, type BillingView } from '../../../shared/contract/billing'
import type { Database } from '../db/schema'
import { pastGrace } from './messages'
import { lastRefusal, readStoredEntitlement } from './store'

/** What the Billing page shows for a workspace (null: not in one), as of `now`. */
export async function billingView(
  db: Kysely<Database>,
  workspace: string | null,
  now: number,
  /** Why the plan could not be read, when it has never been read here. */
  unreadReason: string | null,
): Promise<BillingView> {
  if (!workspace) return { state: 'unmetered' }
  const stored = await readStoredEntitlement(db, workspace)
  if (!stored) {
    return {
      state: 'unknown',
      workspace,
      message: unreadReason ?? 'The plan of this workspace is read with the next sync.',
    }
  }
  const graceEndsAt = stored.fetchedAt + BILLING_GRACE_MS
  return {
    state: 'known',
    workspace,
    entitlement: stored.entitlement,
    fetchedAt: stored.fetchedAt,
    graceEndsAt,
    offline: stored.offline,
    aiStopped: now > graceEndsAt ? pastGrace(stored.fetchedAt) : null,
    lastRefusal: await lastRefusal(db, workspace),
  }
}
