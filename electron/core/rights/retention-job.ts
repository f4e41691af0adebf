import { z } from 'zod'
import type { RetentionPolicy } from '../../../shared/contract/rights'
import type { Clock } from '../clock'
import type { Queue } from '../queue/queue'
import { defineJob } from '../queue/types'
import type { DeleteDeps } from './delete-candidate'
import { DAY_MS, retentionPlan } from './retention-plan'
import { readRetentionPolicy } from './retention-policy'
import { applyRetention } from './retention-run'

export const RETENTION_JOB = 'rights.retention'

/** One scheduled run per day: the key makes a restart on the same day find the run already queued. */
const dayKey = (day: number) => `retention:day-${day}`

type RetentionDeps = DeleteDeps & { queue: Queue; clock: Clock }

/**
 * Queues the run due at the start of `day` (days since the epoch, UTC). Only while a policy is set:
 * a workspace without one has no daily job to show in its queue.
 */
async function scheduleDay(deps: RetentionDeps, policy: RetentionPolicy, day: number) {
  if (policy.candidateDays === null && policy.recordingDays === null) return
  await deps.queue.enqueue(deps.db, RETENTION_JOB, {}, { idempotencyKey: dayKey(day), runAt: day * DAY_MS })
}

export const scheduleIfSet = (deps: RetentionDeps, policy: RetentionPolicy) =>
  scheduleDay(deps, policy, Math.floor(deps.clock.now() / DAY_MS))

/**
 * Applies the workspace's retention policy as it stands when the job runs, then queues the next
 * day's run. Its result holds counts only: a job row outlives the candidates it deleted.
 */
export function retentionJob(deps: RetentionDeps) {
  return defineJob({
    kind: RETENTION_JOB,
    payload: z.object({}).strict(),
    title: () => 'Apply the retention policy',
    async run() {
      const now = deps.clock.now()
      const policy = await readRetentionPolicy(deps.db)
      const run = await applyRetention(deps, await retentionPlan(deps.db, policy, now))
      await scheduleDay(deps, policy, Math.floor(now / DAY_MS) + 1)
      return {
        candidatesDeleted: run.candidatesDeleted.length,
        candidatesPostponed: run.candidatesPostponed.length,
        recordingsDeleted: run.recordingsDeleted.length,
        filesNotRemoved: run.filesNotRemoved.length,
      }
    },
  })
}
