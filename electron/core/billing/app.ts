import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { EventBus } from '../events'
import type { DomainApp } from '../ipc/dispatcher'
import type { Logger } from '../logger'
import { SyncServerError } from '../sync/types'
import { createQuotaGate } from './gate'
import { checkoutUrl, portalUrl, readEntitlement, reserveQuota } from './remote'
import { noteOffline, offlineReservations, putReservation, saveEntitlement } from './store'
import { billingView } from './view'
import type { BillingWorkspace } from './workspace'

import type { QuotaGate } from './types'

export interface BillingDeps {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  events: EventBus
  /** The signed-in team workspace, or null for a studio on its own (not metered). */
  workspace(): Promise<BillingWorkspace | null>
}

export interface BillingApp extends DomainApp<'billing'> {
  gate: QuotaGate
  /** Reads the plan from the workspace (after each sync); failures leave the last one in place. */
  refresh(): Promise<void>
}

const UNREACHABLE = 'The workspace could not be reached; the plan shown is the last one read.'

function inWords(error: unknown): string {
  if (error instanceof SyncServerError) {
    if (error.kind === 'retryable') return UNREACHABLE
    if (error.kind === 'signed-out') return 'The session was refused: sign in again under Team workspace.'
    return error.message
  }
  return 'The plan could not be read; the details are in the log.'
}

/** Billing of the team workspace: the plan kept locally, the quota gate, and the providers' pages. */
export function createApp(deps: BillingDeps): BillingApp {
  const { db, clock, logger } = deps
  // Only for a workspace whose plan was never read here; afterwards the stored row keeps the reason.
  let unreadReason: string | null = null

  const view = async () => {
    const workspace = await deps.workspace()
    return billingView(db, workspace?.orgId ?? null, clock.now(), unreadReason)
  }
  const announce = async () => deps.events.emit('billing.changed', await view())
  const changed = () => void announce().catch((error: unknown) => logger.warn('billing view', { error: String(error) }))
  const gate = createQuotaGate({ db, clock, logger, workspace: deps.workspace, changed })

  /** Work run offline within the grace period is counted once the workspace answers again. */
  const countOfflineWork = async (workspace: BillingWorkspace) => {
    for (const row of await offlineReservations(db, workspace.orgId)) {
      let reservation: string | null = null
      try {
        // Over the limit by now, the server refuses: the work already ran, and is settled as far as the plan allowed.
        reservation = (await reserveQuota(workspace.client, row.org_id, row.kind, row.request_id)).reservation
      } catch (error) {
        // Unreachable: tried again at the next sync. Refused for good (a bug, a removed member): not asked again.
        if (error instanceof SyncServerError && error.kind === 'retryable') throw error
        logger.warn('work done offline could not be counted', { work: row.work_key, error: String(error) })
      }
      await putReservation(db, { ...row, state: 'reserved', reservation_id: reservation, updated_at: clock.now() })
    }
  }

  const refresh = async () => {
    const workspace = await deps.workspace()
    if (!workspace) return
    try {
      await countOfflineWork(workspace)
      await saveEntitlement(db, workspace.orgId, await readEntitlement(workspace.client, workspace.orgId), clock.now())
      unreadReason = null
    } catch (error) {
      logger.info('the billing plan could not be read', { error: String(error) })
      unreadReason = inWords(error)
      await noteOffline(db, workspace.orgId, unreadReason)
    }
    await announce()
  }

  const manager = async () => {
    const workspace = await deps.workspace()
    if (!workspace) throw new StudioError('forbidden', 'Sign in to a team workspace (Team workspace) to manage billing')
    return workspace
  }
  const asStudioError = (error: unknown): never => {
    if (!(error instanceof SyncServerError)) throw error
    if (error.kind === 'retryable')
      throw new StudioError('unavailable', 'The billing service could not be reached; try again')
    if (error.kind === 'signed-out') throw new StudioError('forbidden', 'Sign in to the workspace again first')
    if (error.kind === 'not-allowed') throw new StudioError('forbidden', `Only an admin can do this: ${error.message}`)
    throw new StudioError('conflict', error.message)
  }

  return {
    gate,
    refresh,
    handlers: {
      'billing.view': async ({ refresh: fresh }) => {
        if (fresh) await refresh()
        return view()
      },
      'billing.checkout': async ({ plan, provider }) => {
        const { client, orgId } = await manager()
        return { url: await checkoutUrl(client, orgId, plan, provider).catch(asStudioError) }
      },
      'billing.portal': async () => {
        const { client, orgId } = await manager()
        return { url: await portalUrl(client, orgId).catch(asStudioError) }
      },
    },
  }
}
