import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import type { Queue } from '../queue/queue'
import { SYNC_JOB } from './sync-job'

export interface RequesterDeps {
  db: Kysely<Database>
  queue: Queue
  clock: Clock
  logger: Logger
  active(): boolean
}

/**
 * Queues a sync unless one is already queued or running, so the timer, Sync now and sign-in never
 * pile up runs. With `now`, a retry waiting out its backoff is replaced by a run due at once.
 * Requests are taken one at a time; resolves with the job's id, or null while sync is off.
 */
export function createSyncRequester(deps: RequesterDeps): (now: boolean) => Promise<string | null> {
  const { db, queue } = deps
  let requesting: Promise<unknown> = Promise.resolve()
  const enqueue = async (now: boolean): Promise<string | null> => {
    if (!deps.active()) return null
    const pending = await db
      .selectFrom('jobs')
      .select(['id', 'status', 'run_at'])
      .where('kind', '=', SYNC_JOB)
      .where('status', 'in', ['queued', 'running'])
      .orderBy('seq', 'desc')
      .executeTakeFirst()
    if (pending?.status === 'running') return pending.id
    if (pending && !(now && pending.run_at > deps.clock.now())) return pending.id
    if (pending) await queue.cancel(pending.id).catch(() => undefined)
    return queue.enqueue(db, SYNC_JOB, {})
  }
  return (now) => {
    const next = requesting.then(() => enqueue(now))
    requesting = next.catch((error: unknown) => deps.logger.warn('queueing a sync failed', { error: String(error) }))
    return next
  }
}
