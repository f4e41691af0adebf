import type { Kysely, Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { JobView } from '../../../shared/contract/foundation'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import type { BackoffOptions } from './backoff'
import { cancelJob, enqueueJob, getJob, listJobs, retryJob } from './job-commands'
import type { JobRow } from './job-row'
import type { QueueState } from './queue-state'
import type { EnqueueOptions, JobDefinition } from './types'
import { startWorkers, stopWorkers, waitForIdle } from './workers'

export { toJobView } from './job-row'

export interface QueueOptions {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  /** Identifies this process's leases. */
  owner?: string
  random?: () => number
  backoff?: Partial<BackoffOptions>
  defaultMaxAttempts?: number
  defaultLeaseMs?: number
  pollMs?: number
  onChange?: (job: JobView) => void
}

export interface Queue {
  register<P>(definition: JobDefinition<P>): void
  /** Enqueues inside the caller's transaction (or alone on the db); returns the job id. */
  enqueue<P>(
    trx: Kysely<Database> | Transaction<Database>,
    kind: string,
    payload: P,
    options?: EnqueueOptions,
  ): Promise<string>
  /** Starts workers; jobs left running by a previous process are requeued first. */
  start(concurrency: number): Promise<void>
  /** Stops taking jobs and waits for running ones to settle (aborting them after graceMs). */
  stop(graceMs?: number): Promise<void>
  /** Wakes idle workers: call after committing a transaction that enqueued. */
  notify(): void
  cancel(id: string): Promise<JobView>
  retry(id: string): Promise<JobView>
  get(id: string): Promise<JobView>
  list(filter?: { status?: JobRow['status']; limit?: number }): Promise<JobView[]>
  /** Resolves when nothing is queued-and-due or running (for tests and benchmarks). */
  idle(): Promise<void>
}

export function createQueue(options: QueueOptions): Queue {
  const queue: QueueState = {
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    owner: options.owner ?? uuidv7(),
    random: options.random ?? Math.random,
    backoff: { baseMs: 1000, capMs: 5 * 60_000, ...options.backoff },
    defaultMaxAttempts: options.defaultMaxAttempts ?? 5,
    defaultLeaseMs: options.defaultLeaseMs ?? 30_000,
    pollMs: options.pollMs ?? 250,
    onChange: options.onChange,
    definitions: new Map(),
    running: new Map(),
    stopping: true,
    wake: null,
    loops: [],
    idleWaiters: [],
  }
  return {
    register(definition) {
      queue.definitions.set(definition.kind, definition as JobDefinition<unknown>)
    },
    enqueue: (trx, kind, payload, opts = {}) => enqueueJob(queue, trx, kind, payload, opts),
    start: (concurrency) => startWorkers(queue, concurrency),
    stop: (graceMs = 5000) => stopWorkers(queue, graceMs),
    notify: () => queue.wake?.(),
    cancel: (id) => cancelJob(queue, id),
    retry: (id) => retryJob(queue, id),
    get: (id) => getJob(queue, id),
    list: (filter = {}) => listJobs(queue, filter),
    idle: () => waitForIdle(queue),
  }
}
