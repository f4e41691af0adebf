import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { BILLING_GRACE_MS } from '../../../shared/contract/billing'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import { SyncServerError } from '../sync/types'
import { neverRead, pastGrace, refusedWithoutReason, signedOut, usedUp } from './messages'
import { releaseQuota, reserveQuota } from './remote'
import { findReservation, offlineUse, putReservation, readStoredEntitlement, type ReservationRow } from './store'
import type { Admission, QuotaGate } from './types'
import type { BillingWorkspace } from './workspace'

export interface GateDeps {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  workspace(): Promise<BillingWorkspace | null>
  /** Something the Billing page shows changed (a refusal). */
  changed(): void
}

/** Asking again is safe while the server's answer is unknown or counted; after a release or refusal it is a new request. */
const REUSABLE = new Set<ReservationRow['state']>(['requesting', 'reserved', 'offline'])

export function createQuotaGate(deps: GateDeps): QuotaGate {
  const { db, clock } = deps

  const record = async (row: ReservationRow, patch: Partial<ReservationRow>) => {
    await putReservation(db, { ...row, ...patch, updated_at: clock.now() })
  }

  /** The workspace could not be reached: the plan last read decides, for the grace period. */
  const offline = async (row: ReservationRow): Promise<Admission> => {
    const stored = await readStoredEntitlement(db, row.org_id)
    const now = clock.now()
    let message: string | null = null
    if (!stored) message = neverRead()
    else if (now > stored.fetchedAt + BILLING_GRACE_MS) message = pastGrace(stored.fetchedAt)
    else if (row.state !== 'offline') {
      const { limits, usage } = stored.entitlement
      const [limit, used] =
        row.kind === 'ai_interview'
          ? [limits.aiInterviews, usage.aiInterviews]
          : [limits.aiScreening, usage.aiScreening]
      const since = await offlineUse(db, row.org_id, row.kind, stored.fetchedAt)
      if (used + since >= limit) message = usedUp(row.kind, stored.entitlement)
    }
    if (message) {
      // Not a refusal by the server: the same request id is kept for when it can be asked.
      deps.changed()
      return { ok: false, message }
    }
    await record(row, { state: 'offline' })
    return { ok: true }
  }

  return {
    async admit(work, kind) {
      const workspace = await deps.workspace()
      // A studio outside a team workspace runs on its own keys: nothing to count.
      if (!workspace) return { ok: true }
      const found = await findReservation(db, work)
      if (found?.state === 'reserved') return { ok: true }
      const row: ReservationRow =
        found && REUSABLE.has(found.state)
          ? found
          : {
              work_key: work,
              org_id: workspace.orgId,
              kind,
              request_id: uuidv7(),
              reservation_id: null,
              state: 'requesting',
              message: null,
              updated_at: clock.now(),
            }
      // Stored before asking: a crash after the server counted it asks again with the same id.
      if (row !== found) await putReservation(db, row)
      try {
        const answer = await reserveQuota(workspace.client, row.org_id, kind, row.request_id)
        if (answer.ok) {
          await record(row, { state: 'reserved', reservation_id: answer.reservation, message: null })
          return { ok: true }
        }
        const message = answer.reason ?? refusedWithoutReason(kind)
        await record(row, { state: 'refused', message })
        deps.changed()
        return { ok: false, message }
      } catch (error) {
        if (!(error instanceof SyncServerError)) throw error
        if (error.kind === 'retryable') return offline(row)
        const message =
          error.kind === 'signed-out' ? signedOut() : `AI work was refused by the workspace: ${error.message}`
        await record(row, { state: 'refused', message })
        deps.changed()
        return { ok: false, message }
      }
    },

    async release(work) {
      const row = await findReservation(db, work)
      if (!row || (row.state !== 'reserved' && row.state !== 'offline' && row.state !== 'requesting')) return
      const workspace = await deps.workspace()
      try {
        if (row.state !== 'offline' && workspace) {
          // A request the server may have counted without our knowing its reservation: asking again tells us.
          const reservation =
            row.reservation_id ??
            (await reserveQuota(workspace.client, row.org_id, row.kind, row.request_id)).reservation
          if (reservation) await releaseQuota(workspace.client, reservation)
        }
        await record(row, { state: 'released' })
      } catch (error) {
        // Unreachable: the units stay held, and the next attempt reuses them rather than asking again.
        deps.logger.info('quota could not be released yet', { work, error: String(error) })
      }
    },
  }
}
