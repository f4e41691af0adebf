import { updateJob, WHILE_RUNNING, type JobRow } from './job-row'
import type { QueueState } from './queue-state'
import { settleJob } from './settle'
import type { JobContext } from './types'

const PROGRESS_WRITE_MS = 100

/** Runs a leased job to its end, heartbeating its lease meanwhile, and settles it. */
export async function runJob(queue: QueueState, row: JobRow): Promise<void> {
  const definition = queue.definitions.get(row.kind)!
  const controller = new AbortController()
  const leaseMs = definition.leaseMs ?? queue.defaultLeaseMs
  const heartbeat = setInterval(
    () => {
      void updateJob(queue, row.id, { lease_until: queue.clock.now() + leaseMs }, WHILE_RUNNING).catch(() => {})
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  )
  const { ctx, progressWritten } = jobContext(queue, row, controller.signal)
  const done = (async () => {
    try {
      const payload = definition.payload.parse(JSON.parse(row.payload))
      const result = await definition.run(payload, ctx)
      await progressWritten()
      await settleJob(queue, row, { ok: true, result })
    } catch (error) {
      await progressWritten()
      await settleJob(queue, row, { ok: false, error })
    } finally {
      clearInterval(heartbeat)
    }
  })()
  queue.running.set(row.id, { controller, done })
  await done
  queue.running.delete(row.id)
}

/** What a job's handler sees; `progressWritten` resolves once the last progress write is done. */
function jobContext(
  queue: QueueState,
  row: JobRow,
  signal: AbortSignal,
): { ctx: JobContext; progressWritten(): Promise<unknown> } {
  const { db, clock } = queue
  let lastWrite = 0
  let pendingProgress: Promise<unknown> = Promise.resolve()
  const ctx: JobContext = {
    jobId: row.id,
    attempt: row.attempts,
    signal,
    db,
    progress(fraction, note) {
      const now = clock.now()
      if (now - lastWrite < PROGRESS_WRITE_MS && fraction < 1) return
      lastWrite = now
      const value = Math.max(0, Math.min(1, fraction))
      pendingProgress = updateJob(queue, row.id, { progress: value, progress_note: note ?? null }, WHILE_RUNNING).catch(
        () => {},
      )
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
  return { ctx, progressWritten: () => pendingProgress }
}
