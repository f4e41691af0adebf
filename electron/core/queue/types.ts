import type { Kysely, Transaction } from 'kysely'
import type { z } from 'zod'
import type { Database } from '../db/schema'

export interface JobContext {
  jobId: string
  /** 1 on the first run; a run that was killed counts as an attempt. */
  attempt: number
  signal: AbortSignal
  db: Kysely<Database>
  /** Reports progress in [0, 1]; cheap to call often (writes are throttled). */
  progress(fraction: number, note?: string): void
  /**
   * Applies a local effect at most once across retries and crashes: the effect and the record that
   * it happened commit in one transaction. Resolves false when it had already been applied.
   */
  applyOnce(key: string, effect: (trx: Transaction<Database>) => Promise<void>): Promise<boolean>
}

export interface JobDefinition<P = unknown> {
  kind: string
  payload: z.ZodType<P>
  title(payload: P): string
  maxAttempts?: number
  /** How long a lease lasts without a heartbeat before another worker may take the job. */
  leaseMs?: number
  run(payload: P, ctx: JobContext): Promise<unknown>
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition
}

/** Thrown by a handler for a failure that retrying cannot fix (bad file, rejected key). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PermanentJobError'
  }
}

export interface EnqueueOptions {
  priority?: number
  idempotencyKey?: string
  maxAttempts?: number
  runAt?: number
}
