import type { Transaction } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { InvitationChangesTable } from '../tables'
import { checkWindow } from './schedule-window'

/*
 * Changes to an invitation's schedule, each inside the caller's transaction and each kept in
 * invitation_changes as the schedule it left the invitation with.
 */

export interface Reschedule {
  scheduledAt: number | null
  expiresAt: number
  location: string | null
}

/** Keeps the schedule an invitation has just been given, so every change can be read back. */
export async function recordChange(
  trx: Transaction<Database>,
  writer: SyncedWriter,
  id: string,
  change: InvitationChangesTable['change'],
): Promise<void> {
  const row = await trx
    .selectFrom('interview_invitations')
    .select(['scheduled_at', 'expires_at', 'location'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  await writer.insert(trx, 'invitation_changes', {
    invitation_id: id,
    change,
    scheduled_at: row.scheduled_at,
    expires_at: row.expires_at,
    location: row.location,
  })
}

async function current(trx: Transaction<Database>, id: string) {
  const row = await trx
    .selectFrom('interview_invitations')
    .select(['status', 'session_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new StudioError('not_found', 'That invitation no longer exists')
  return row
}

/** Cancels a pending invitation: its code is refused at the kiosk from then on. */
export async function cancelInvitation(
  trx: Transaction<Database>,
  writer: SyncedWriter,
  id: string,
  markCancelled: () => Promise<void>,
): Promise<void> {
  const row = await current(trx, id)
  if (row.status !== 'pending')
    throw new StudioError('conflict', `Only a pending invitation can be cancelled; this one is ${row.status}`)
  await markCancelled()
  await recordChange(trx, writer, id, 'cancelled')
}

/** Gives an invitation that has not started a new window and place; its code stays the same. */
export async function rescheduleInvitation(
  trx: Transaction<Database>,
  deps: { writer: SyncedWriter; clock: Clock },
  id: string,
  schedule: Reschedule,
): Promise<void> {
  const row = await current(trx, id)
  // An expired code that was never used can be given a new window; one that started an interview cannot.
  const movable = row.status === 'pending' || (row.status === 'expired' && row.session_id === null)
  if (!movable)
    throw new StudioError(
      'conflict',
      `Only an interview that has not started can be rescheduled; this one is ${row.status}`,
    )
  checkWindow(deps.clock.now(), schedule.scheduledAt, schedule.expiresAt)
  await deps.writer.update(trx, 'interview_invitations', id, {
    status: 'pending',
    scheduled_at: schedule.scheduledAt,
    expires_at: schedule.expiresAt,
    location: schedule.location,
  })
  await recordChange(trx, deps.writer, id, 'rescheduled')
}
