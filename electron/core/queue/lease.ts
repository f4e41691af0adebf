import { sql, type ExpressionBuilder } from 'kysely'
import type { Database } from '../db/schema'
import { emitJob, updateJob, type JobRow } from './job-row'
import type { QueueState } from './queue-state'

/**
 * A queued job is due at its run_at, or at once when it was scheduled in what is now the future:
 * a clock set back an hour must not hold every retry for that hour.
 */
export const isDue = (eb: ExpressionBuilder<Database, 'jobs'>, now: number) =>
  eb.and([eb('status', '=', 'queued'), eb.or([eb('run_at', '<=', now), eb('updated_at', '>', now)])])

/** Leases the next due job of a registered kind to this process; undefined when none is due. */
export async function leaseNextJob(queue: QueueState): Promise<JobRow | undefined> {
  const { db, definitions, defaultLeaseMs } = queue
  const now = queue.clock.now()
  await expireLeases(queue, now)
  const row = await db
    .updateTable('jobs')
    .set({
      status: 'running',
      attempts: sql`attempts + 1`,
      lease_owner: queue.owner,
      lease_until: now + defaultLeaseMs,
      updated_at: now,
    })
    .where(
      'id',
      '=',
      db
        .selectFrom('jobs')
        .select('id')
        .where((eb) => isDue(eb, now))
        .where('kind', 'in', [...definitions.keys()])
        .orderBy('priority', 'desc')
        .orderBy('run_at')
        .orderBy('seq')
        .limit(1),
    )
    .returningAll()
    .executeTakeFirst()
  if (!row) return undefined
  const leaseMs = definitions.get(row.kind)?.leaseMs ?? defaultLeaseMs
  if (leaseMs === defaultLeaseMs) {
    emitJob(queue, row)
    return row
  }
  return updateJob(queue, row.id, { lease_until: now + leaseMs })
}

async function expireLeases(queue: QueueState, now: number): Promise<void> {
  // Expired leases (a worker that hung or a heartbeat that stopped) go back to the queue or die.
  const expired = await queue.db
    .updateTable('jobs')
    .set({
      status: sql`case when attempts >= max_attempts then 'dead' else 'queued' end`,
      last_error: 'lease expired before the job finished',
      lease_owner: null,
      lease_until: null,
      updated_at: now,
    })
    .where('status', '=', 'running')
    .where('lease_until', '<', now)
    .where('id', 'not in', queue.running.size ? [...queue.running.keys()] : [''])
    .returningAll()
    .execute()
  for (const row of expired) {
    queue.logger.warn('job stalled: its lease expired without a heartbeat', { id: row.id, kind: row.kind })
    emitJob(queue, row)
  }
}

/** Requeues (or, out of attempts, kills) every job still marked running. */
export async function requeueOrphans(queue: QueueState): Promise<void> {
  const orphans = await queue.db
    .updateTable('jobs')
    .set({
      status: sql`case when attempts >= max_attempts then 'dead' else 'queued' end`,
      last_error: 'interrupted: the app stopped while this job ran',
      lease_owner: null,
      lease_until: null,
      updated_at: queue.clock.now(),
    })
    .where('status', '=', 'running')
    .returningAll()
    .execute()
  orphans.forEach((row) => emitJob(queue, row))
}
