import type { Kysely, Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { JobView } from '../../../shared/contract/foundation'
import { StudioError } from '../../../shared/contract/errors'
import type { Database } from '../db/schema'
import { emitJob, mustGetJob, toJobView, updateJob, WHILE_RUNNING, type JobRow } from './job-row'
import type { QueueState } from './queue-state'
import type { EnqueueOptions } from './types'

export async function enqueueJob<P>(
  queue: QueueState,
  trx: Kysely<Database> | Transaction<Database>,
  kind: string,
  payload: P,
  opts: EnqueueOptions,
): Promise<string> {
  const definition = queue.definitions.get(kind)
  if (!definition) throw new StudioError('invalid_input', `Unknown job kind ${kind}`)
  const parsed = definition.payload.parse(payload)
  const now = queue.clock.now()
  const id = uuidv7()
  const inserted = await trx
    .insertInto('jobs')
    .values({
      id,
      kind,
      title: definition.title(parsed),
      payload: JSON.stringify(parsed),
      status: 'queued',
      priority: opts.priority ?? 0,
      attempts: 0,
      max_attempts: opts.maxAttempts ?? definition.maxAttempts ?? queue.defaultMaxAttempts,
      run_at: opts.runAt ?? now,
      idempotency_key: opts.idempotencyKey ?? null,
      progress: 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (inserted) {
    emitJob(queue, inserted)
    queueMicrotask(() => queue.wake?.())
    return inserted.id
  }
  const existing = await trx
    .selectFrom('jobs')
    .select('id')
    .where('idempotency_key', '=', opts.idempotencyKey!)
    .executeTakeFirstOrThrow()
  return existing.id
}

export async function cancelJob(queue: QueueState, id: string): Promise<JobView> {
  const row = await mustGetJob(queue, id)
  if (row.status === 'running') {
    queue.running.get(id)?.controller.abort()
    if (!queue.running.has(id)) await updateJob(queue, id, { status: 'cancelled' }, WHILE_RUNNING)
    // The run may already have settled as a failure to retry: the cancel still stands.
    else await updateJob(queue, id, { status: 'cancelled' }, { status: ['queued'] })
  } else if (row.status === 'queued') {
    await updateJob(queue, id, { status: 'cancelled' }, { status: ['queued'] })
  } else {
    throw new StudioError('conflict', `Job is already ${row.status}`)
  }
  return toJobView(await mustGetJob(queue, id))
}

export async function retryJob(queue: QueueState, id: string): Promise<JobView> {
  const row = await mustGetJob(queue, id)
  if (!['failed', 'dead', 'cancelled'].includes(row.status)) {
    throw new StudioError('conflict', `Only failed, dead or cancelled jobs can be retried (this one is ${row.status})`)
  }
  const updated = await updateJob(queue, id, {
    status: 'queued',
    attempts: 0,
    run_at: queue.clock.now(),
    last_error: null,
    progress: 0,
  })
  queue.wake?.()
  return toJobView(updated!)
}

export async function getJob(queue: QueueState, id: string): Promise<JobView> {
  return toJobView(await mustGetJob(queue, id))
}

export async function listJobs(
  queue: QueueState,
  filter: { status?: JobRow['status']; limit?: number },
): Promise<JobView[]> {
  let query = queue.db
    .selectFrom('jobs')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(filter.limit ?? 100)
  if (filter.status) query = query.where('status', '=', filter.status)
  return (await query.execute()).map(toJobView)
}
