import { z } from 'zod'
import { defineJob, type JobContext } from '../queue/types'

export const SYNC_JOB = 'sync.run'

/**
 * Offline for a day still ends in a sync: with the queue's backoff (doubling to a 5-minute cap) 300
 * attempts span 12 to 24 hours, and any later sync (the timer, Sync now, a sign-in) queues anew.
 */
export const SYNC_MAX_ATTEMPTS = 300

/** What a finished run records as the job's result (shown in the queue panel). */
export interface SyncSummary {
  pushed: number
  pushRefused: boolean
  applied: number
  superseded: number
  refused: number
}

/** What one run does; the sync app supplies it, with the server and the status it reports. */
export type RunSync = (ctx: JobContext) => Promise<SyncSummary | { skipped: string }>

/** The durable job one sync runs as: retried with backoff while the workspace cannot be reached. */
export function syncJob(run: RunSync) {
  return defineJob({
    kind: SYNC_JOB,
    payload: z.object({}).strict(),
    title: () => 'Sync with the workspace',
    maxAttempts: SYNC_MAX_ATTEMPTS,
    // A first sync of a large workspace takes a while; the queue heartbeats the lease meanwhile.
    leaseMs: 120_000,
    run: (_payload, ctx) => run(ctx),
  })
}
