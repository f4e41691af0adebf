import { backoffDelay } from './backoff'
import { updateJob, WHILE_RUNNING, type JobRow } from './job-row'
import type { QueueState } from './queue-state'
import { PermanentJobError } from './types'

export type JobOutcome = { ok: true; result: unknown } | { ok: false; error: unknown }

/** Records how a run ended: succeeded, cancelled, given back on shutdown, or failed (retried later, or not). */
export async function settleJob(queue: QueueState, row: JobRow, outcome: JobOutcome): Promise<void> {
  const controller = queue.running.get(row.id)?.controller
  if (controller?.signal.aborted && !queue.stopping) {
    await updateJob(queue, row.id, { status: 'cancelled', lease_owner: null, lease_until: null }, WHILE_RUNNING)
    return
  }
  if (outcome.ok) {
    await updateJob(
      queue,
      row.id,
      {
        status: 'succeeded',
        progress: 1,
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        lease_owner: null,
        lease_until: null,
        last_error: null,
      },
      WHILE_RUNNING,
    )
    return
  }
  if (queue.stopping) {
    // Shutting down is not the job's fault: give the attempt back and let the next start run it.
    await updateJob(
      queue,
      row.id,
      { status: 'queued', attempts: row.attempts - 1, lease_owner: null, lease_until: null },
      WHILE_RUNNING,
    )
    return
  }
  await recordFailure(queue, row, outcome.error)
  // A cancel can land while the failure is being written; it must not be lost to the retry.
  if (queue.running.get(row.id)?.controller.signal.aborted && !queue.stopping)
    await updateJob(queue, row.id, { status: 'cancelled' }, { status: ['queued'] })
}

async function recordFailure(queue: QueueState, row: JobRow, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  const permanent = error instanceof PermanentJobError
  const exhausted = row.attempts >= row.max_attempts
  queue.logger.warn('job failed', { id: row.id, kind: row.kind, attempt: row.attempts, error: message })
  await updateJob(
    queue,
    row.id,
    {
      status: permanent ? 'failed' : exhausted ? 'dead' : 'queued',
      last_error: message,
      run_at:
        queue.clock.now() + (permanent || exhausted ? 0 : backoffDelay(row.attempts, queue.backoff, queue.random)),
      lease_owner: null,
      lease_until: null,
    },
    WHILE_RUNNING,
  )
}
