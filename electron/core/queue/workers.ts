import { isDue, leaseNextJob, requeueOrphans } from './lease'
import type { JobRow } from './job-row'
import type { QueueState } from './queue-state'
import { runJob } from './run-job'

export async function startWorkers(queue: QueueState, concurrency: number): Promise<void> {
  if (!queue.stopping) return
  queue.stopping = false
  // This process holds the single-instance lock, so any lease still marked running is orphaned.
  await requeueOrphans(queue)
  queue.loops = Array.from({ length: concurrency }, () => workerLoop(queue))
}

export async function stopWorkers(queue: QueueState, graceMs: number): Promise<void> {
  queue.stopping = true
  queue.wake?.()
  const settled = Promise.all([...queue.running.values()].map((r) => r.done))
  const timer = setTimeout(() => queue.running.forEach((r) => r.controller.abort()), graceMs)
  await settled
  clearTimeout(timer)
  await Promise.all(queue.loops)
  queue.loops = []
}

export function waitForIdle(queue: QueueState): Promise<void> {
  return new Promise<void>((resolve) => {
    queue.idleWaiters.push(resolve)
    queue.wake?.()
  })
}

async function workerLoop(queue: QueueState): Promise<void> {
  while (!queue.stopping) {
    let row: JobRow | undefined
    try {
      row = await leaseNextJob(queue)
    } catch (error) {
      queue.logger.error('lease failed', { error: String(error) })
    }
    if (row) await runJob(queue, row)
    else {
      await resolveIdleWaiters(queue)
      await sleep(queue)
    }
  }
}

async function resolveIdleWaiters(queue: QueueState): Promise<void> {
  const { idleWaiters, running } = queue
  if (!idleWaiters.length || running.size) return
  const now = queue.clock.now()
  // A job another loop of ours has just leased is 'running' in the database a moment before that
  // loop counts it as running here; it is not idle either.
  const busy = await queue.db
    .selectFrom('jobs')
    .select('id')
    .where((eb) => eb.or([isDue(eb, now), eb.and([eb('status', '=', 'running'), eb('lease_owner', '=', queue.owner)])]))
    .limit(1)
    .executeTakeFirst()
  if (!busy && !running.size) idleWaiters.splice(0).forEach((resolve) => resolve())
}

/** Waits a poll interval, or less when woken. */
function sleep(queue: QueueState): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      queue.wake = null
      resolve()
    }, queue.pollMs)
    queue.wake = () => {
      clearTimeout(timer)
      queue.wake = null
      resolve()
    }
  })
}
