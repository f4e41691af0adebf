import type { Kysely } from 'kysely'
import type { JobView } from '../../../shared/contract/foundation'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'
import type { BackoffOptions } from './backoff'
import type { JobDefinition } from './types'

export interface RunningJob {
  controller: AbortController
  done: Promise<void>
}

/** One queue's dependencies and settings, and the state its workers share. */
export interface QueueState {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly logger: Logger
  /** Identifies this process's leases. */
  readonly owner: string
  readonly random: () => number
  readonly backoff: BackoffOptions
  readonly defaultMaxAttempts: number
  readonly defaultLeaseMs: number
  readonly pollMs: number
  readonly onChange?: (job: JobView) => void
  readonly definitions: Map<string, JobDefinition<unknown>>
  readonly running: Map<string, RunningJob>
  stopping: boolean
  /** Ends the idle workers' sleep; set while one sleeps. */
  wake: (() => void) | null
  loops: Promise<void>[]
  readonly idleWaiters: (() => void)[]
}
