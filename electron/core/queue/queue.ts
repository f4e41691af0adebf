import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { JobView } from '../../../shared/contract/foundation'
import { StudioError } from '../../../shared/contract/errors'
import type { Clock } from '../clock'
import type { Database, JobsTable } from '../db/schema'
import type { Logger } from '../logger'
import { backoffDelay, type BackoffOptions } from './backoff'
import { PermanentJobError, type EnqueueOptions, type JobContext, type JobDefinition } from './types'

type JobRow = Selectable<JobsTable>

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

export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    priority: row.priority,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    progress: row.progress,
    progressNote: row.progress_note,
    lastError: row.last_error,
    runAt: row.run_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const PROGRESS_WRITE_MS = 100

export function createQueue(options: QueueOptions): Queue {
  const { db, clock, logger } = options
  const owner = options.owner ?? uuidv7()
  const random = options.random ?? Math.random
  const backoff: BackoffOptions = { baseMs: 1000, capMs: 5 * 60_000, ...options.backoff }
  const defaultMaxAttempts = options.defaultMaxAttempts ?? 5
  const defaultLeaseMs = options.defaultLeaseMs ?? 30_000
  const pollMs = options.pollMs ?? 250
  const definitions = new Map<string, JobDefinition<unknown>>()
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>()
  let stopping = true
  let wake: (() => void) | null = null
  let loops: Promise<void>[] = []
  const idleWaiters: (() => void)[] = []

  const emit = (row: JobRow | undefined) => {
    if (row) options.onChange?.(toJobView(row))
  }
  const byId = (id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
  const mustGet = async (id: string) => {
    const row = await byId(id)
    if (!row) throw new StudioError('not_found', `No job ${id}`)
    return row
  }

  const update = async (id: string, set: Partial<JobRow>, where?: { status: JobRow['status'][] }) => {
    let query = db
      .updateTable('jobs')
      .set({ ...set, updated_at: clock.now() })
      .where('id', '=', id)
    if (where) query = query.where('status', 'in', where.status)
    const row = await query.returningAll().executeTakeFirst()
    emit(row)
    return row
  }

  const lease = async (): Promise<JobRow | undefined> => {
    const now = clock.now()
    // Expired leases (a worker that hung or a heartbeat that stopped) go back to the queue or die.
    const expired = await db
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
      .where('id', 'not in', running.size ? [...running.keys()] : [''])
      .returningAll()
      .execute()
    expired.forEach(emit)
    const row = await db
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: sql`attempts + 1`,
        lease_owner: owner,
        lease_until: now + defaultLeaseMs,
        updated_at: now,
      })
      .where(
        'id',
        '=',
        db
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('run_at', '<=', now)
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
      emit(row)
      return row
    }
    return update(row.id, { lease_until: now + leaseMs })
  }

  const settle = async (row: JobRow, outcome: { ok: true; result: unknown } | { ok: false; error: unknown }) => {
    const controller = running.get(row.id)?.controller
    if (controller?.signal.aborted && !stopping) {
      await update(row.id, { status: 'cancelled', lease_owner: null, lease_until: null }, { status: ['running'] })
      return
    }
    if (outcome.ok) {
      await update(
        row.id,
        {
          status: 'succeeded',
          progress: 1,
          result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
          lease_owner: null,
          lease_until: null,
          last_error: null,
        },
        { status: ['running'] },
      )
      return
    }
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error)
    if (stopping) {
      // Shutting down is not the job's fault: give the attempt back and let the next start run it.
      await update(
        row.id,
        { status: 'queued', attempts: row.attempts - 1, lease_owner: null, lease_until: null },
        { status: ['running'] },
      )
      return
    }
    const permanent = outcome.error instanceof PermanentJobError
    const exhausted = row.attempts >= row.max_attempts
    logger.warn('job failed', { id: row.id, kind: row.kind, attempt: row.attempts, error: message })
    await update(
      row.id,
      {
        status: permanent ? 'failed' : exhausted ? 'dead' : 'queued',
        last_error: message,
        run_at: clock.now() + (permanent || exhausted ? 0 : backoffDelay(row.attempts, backoff, random)),
        lease_owner: null,
        lease_until: null,
      },
      { status: ['running'] },
    )
  }

  const execute = async (row: JobRow) => {
    const definition = definitions.get(row.kind)!
    const controller = new AbortController()
    const leaseMs = definition.leaseMs ?? defaultLeaseMs
    const heartbeat = setInterval(
      () => {
        void update(row.id, { lease_until: clock.now() + leaseMs }, { status: ['running'] }).catch(() => {})
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    )
    let lastWrite = 0
    let pendingProgress: Promise<unknown> = Promise.resolve()
    const ctx: JobContext = {
      jobId: row.id,
      attempt: row.attempts,
      signal: controller.signal,
      db,
      progress(fraction, note) {
        const now = clock.now()
        if (now - lastWrite < PROGRESS_WRITE_MS && fraction < 1) return
        lastWrite = now
        const value = Math.max(0, Math.min(1, fraction))
        pendingProgress = update(
          row.id,
          { progress: value, progress_note: note ?? null },
          { status: ['running'] },
        ).catch(() => {})
      },
      async applyOnce(key, effect) {
        return db.transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('applied_effects')
            .values({ key, job_id: row.id, applied_at: clock.now() })
            .onConflict((oc) => oc.column('key').doNothing())
            .executeTakeFirst()
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false
          await effect(trx)
          return true
        })
      },
    }
    const done = (async () => {
      try {
        const payload = definition.payload.parse(JSON.parse(row.payload))
        const result = await definition.run(payload, ctx)
        await pendingProgress
        await settle(row, { ok: true, result })
      } catch (error) {
        await pendingProgress
        await settle(row, { ok: false, error })
      } finally {
        clearInterval(heartbeat)
      }
    })()
    running.set(row.id, { controller, done })
    await done
    running.delete(row.id)
  }

  const checkIdle = async () => {
    if (!idleWaiters.length || running.size) return
    const now = clock.now()
    // A job another loop of ours has just leased is 'running' in the database a moment before that
    // loop counts it as running here; it is not idle either.
    const busy = await db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lease_owner', '=', owner)]),
        ]),
      )
      .limit(1)
      .executeTakeFirst()
    if (!busy && !running.size) idleWaiters.splice(0).forEach((resolve) => resolve())
  }

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null
        resolve()
      }, pollMs)
      wake = () => {
        clearTimeout(timer)
        wake = null
        resolve()
      }
    })

  const loop = async () => {
    while (!stopping) {
      let row: JobRow | undefined
      try {
        row = await lease()
      } catch (error) {
        logger.error('lease failed', { error: String(error) })
      }
      if (row) await execute(row)
      else {
        await checkIdle()
        await sleep()
      }
    }
  }

  return {
    register(definition) {
      definitions.set(definition.kind, definition as JobDefinition<unknown>)
    },

    async enqueue(trx, kind, payload, opts = {}) {
      const definition = definitions.get(kind)
      if (!definition) throw new StudioError('invalid_input', `Unknown job kind ${kind}`)
      const parsed = definition.payload.parse(payload)
      const now = clock.now()
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
          max_attempts: opts.maxAttempts ?? definition.maxAttempts ?? defaultMaxAttempts,
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
        emit(inserted)
        queueMicrotask(() => wake?.())
        return inserted.id
      }
      const existing = await trx
        .selectFrom('jobs')
        .select('id')
        .where('idempotency_key', '=', opts.idempotencyKey!)
        .executeTakeFirstOrThrow()
      return existing.id
    },

    async start(concurrency) {
      if (!stopping) return
      stopping = false
      // This process holds the single-instance lock, so any lease still marked running is orphaned.
      const orphans = await db
        .updateTable('jobs')
        .set({
          status: sql`case when attempts >= max_attempts then 'dead' else 'queued' end`,
          last_error: 'interrupted: the app stopped while this job ran',
          lease_owner: null,
          lease_until: null,
          updated_at: clock.now(),
        })
        .where('status', '=', 'running')
        .returningAll()
        .execute()
      orphans.forEach(emit)
      loops = Array.from({ length: concurrency }, () => loop())
    },

    async stop(graceMs = 5000) {
      stopping = true
      wake?.()
      const settled = Promise.all([...running.values()].map((r) => r.done))
      const timer = setTimeout(() => running.forEach((r) => r.controller.abort()), graceMs)
      await settled
      clearTimeout(timer)
      await Promise.all(loops)
      loops = []
    },

    notify() {
      wake?.()
    },

    async cancel(id) {
      const row = await mustGet(id)
      if (row.status === 'running') {
        running.get(id)?.controller.abort()
        if (!running.has(id)) await update(id, { status: 'cancelled' }, { status: ['running'] })
      } else if (row.status === 'queued') {
        await update(id, { status: 'cancelled' }, { status: ['queued'] })
      } else {
        throw new StudioError('conflict', `Job is already ${row.status}`)
      }
      return toJobView(await mustGet(id))
    },

    async retry(id) {
      const row = await mustGet(id)
      if (!['failed', 'dead', 'cancelled'].includes(row.status)) {
        throw new StudioError(
          'conflict',
          `Only failed, dead or cancelled jobs can be retried (this one is ${row.status})`,
        )
      }
      const updated = await update(id, {
        status: 'queued',
        attempts: 0,
        run_at: clock.now(),
        last_error: null,
        progress: 0,
      })
      wake?.()
      return toJobView(updated!)
    },

    async get(id) {
      return toJobView(await mustGet(id))
    },

    async list(filter = {}) {
      let query = db
        .selectFrom('jobs')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(filter.limit ?? 100)
      if (filter.status) query = query.where('status', '=', filter.status)
      return (await query.execute()).map(toJobView)
    },

    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve)
        wake?.()
      })
    },
  }
}
