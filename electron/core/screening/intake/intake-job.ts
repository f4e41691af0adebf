import { z } from 'zod'
import { defineJob, PermanentJobError, type JobContext } from '../../queue/types'
import { batchCounts } from './batches'
import {
  drainBatchRun,
  emitProgress,
  startBatchRun,
  type BatchRun,
  type IntakeItem,
  type IntakeJobDeps,
} from './batch-run'
import { importItem } from './import-item'

export type { IntakeJobDeps } from './batch-run'

export const INTAKE_JOB = 'screening.intake'

export const intakePayloadSchema = z.object({ batchId: z.string().min(1).max(64), files: z.number().int().min(0) })

/**
 * Imports one batch. Every file's outcome is committed with its effects in one transaction that
 * only succeeds while the item is still pending, so a batch killed half-way resumes where it
 * stopped, never imports a file twice, and a cancel stops it between files.
 */
export function intakeJob(deps: IntakeJobDeps) {
  return defineJob({
    kind: INTAKE_JOB,
    payload: intakePayloadSchema,
    title: (p) => `Import ${p.files} resume${p.files === 1 ? '' : 's'}`,
    leaseMs: 60_000,
    maxAttempts: 5,
    run: ({ batchId }, ctx: JobContext) => importBatch(deps, batchId, ctx),
  })
}

async function importBatch(deps: IntakeJobDeps, batchId: string, ctx: JobContext) {
  const { db, clock } = deps
  const batch = await db.selectFrom('intake_batches').selectAll().where('id', '=', batchId).executeTakeFirst()
  if (!batch) throw new PermanentJobError(`No import batch ${batchId}`)
  if (batch.status === 'cancelled' || batch.status === 'done') return { skipped: batch.status }
  await db
    .updateTable('intake_batches')
    .set({ status: 'running', updated_at: clock.now() })
    .where('id', '=', batchId)
    .execute()

  const run = startBatchRun(deps, ctx, batch, await batchCounts(db, batchId, batch.total))
  const pending = await db
    .selectFrom('intake_items')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('outcome', '=', 'pending')
    .orderBy('id')
    .execute()
  emitProgress(run, true)
  await importInLanes(run, pending)
  await drainBatchRun(run)
  if (ctx.signal.aborted) throw new Error('import cancelled')
  // The queue row's last note is its final count ("25 of 25 files"), not the last throttled one.
  emitProgress(run, true)

  await finishBatch(run)
  return run.counts
}

/** More lanes than the parser has workers, so the workers stay busy while lanes read, hash and store files. */
async function importInLanes(run: BatchRun, pending: IntakeItem[]): Promise<void> {
  const { signal } = run.ctx
  let next = 0
  const lane = async () => {
    while (next < pending.length && !signal.aborted && !run.failure) {
      const item = pending[next++]!
      try {
        await importItem(run, item)
      } catch (error) {
        if (signal.aborted) continue
        throw error
      }
    }
  }
  const lanes = Math.max(2, run.deps.parser.concurrency * 4)
  await Promise.all(Array.from({ length: Math.min(lanes, pending.length) }, lane))
}

async function finishBatch({ deps, batch }: BatchRun): Promise<void> {
  const { db, clock } = deps
  if (batch.job_id) await deps.rerank(batch.job_id)
  await db
    .updateTable('intake_batches')
    .set({ status: 'done', updated_at: clock.now() })
    .where('id', '=', batch.id)
    .execute()
  deps.events.emit('intake.progress', {
    id: batch.id,
    jobId: batch.job_id,
    queueJobId: batch.queue_job_id,
    status: 'done',
    createdAt: batch.created_at,
    updatedAt: clock.now(),
    ...(await batchCounts(db, batch.id, batch.total)),
  })
}
