import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { z } from 'zod'
import { StudioError } from '../../../../shared/contract/errors'
import {
  MAX_RESUME_BYTES,
  type importFilesInputSchema,
  type IntakeBatchDetail,
  type IntakeBatchView,
} from '../../../../shared/contract/screening'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { EventBus } from '../../events'
import type { Queue } from '../../queue/queue'
import { batchDetail, batchView, batchViews } from './batches'
import type { FileStore } from './file-store'
import { INTAKE_JOB } from './intake-job'
import { KEEP_REFUSED_UPLOADS_MS } from './kept-refusals'
import { expandPaths } from './sources'

export type ImportFilesInput = z.output<typeof importFilesInputSchema>

export interface IntakeServiceDeps {
  db: Kysely<Database>
  clock: Clock
  queue: Queue
  events: EventBus
  files: FileStore
}

export interface IntakeService {
  importPaths(input: { jobId?: string; paths: string[] }): Promise<IntakeBatchView>
  importFiles(input: ImportFilesInput): Promise<IntakeBatchView>
  /** A new batch of one file refused as not a resume, read this time without that judgement. */
  importAnyway(itemId: number): Promise<IntakeBatchView>
  cancel(batchId: string): Promise<IntakeBatchView>
  get(batchId: string): Promise<IntakeBatchDetail>
  list(filter: { jobId?: string; limit: number }): Promise<IntakeBatchView[]>
}

interface NewItem {
  name: string
  source_path: string | null
  staged_hash: string | null
  size: number
  file_time: number | null
  accept_non_resume?: number
}

const ITEMS_PER_INSERT = 500

/**
 * Starts and manages import batches. A batch is its items (one per file) plus one queue job; the
 * items and the job are written in one transaction, so a batch is never half-created.
 */
export function createIntakeService(deps: IntakeServiceDeps): IntakeService {
  const { db, clock, queue, events, files } = deps

  const checkJob = async (jobId: string | undefined) => {
    if (!jobId) return
    const job = await db
      .selectFrom('job_openings')
      .select('status')
      .where('id', '=', jobId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!job) throw new StudioError('not_found', 'That job no longer exists')
    if (job.status === 'archived') throw new StudioError('conflict', 'The job is archived; reopen it to add candidates')
  }

  const createBatch = async (jobId: string | undefined, items: NewItem[]): Promise<IntakeBatchView> => {
    const batchId = uuidv7()
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('intake_batches')
        .values({
          id: batchId,
          job_id: jobId ?? null,
          queue_job_id: null,
          status: 'queued',
          total: items.length,
          created_at: now,
          updated_at: now,
        })
        .execute()
      for (let i = 0; i < items.length; i += ITEMS_PER_INSERT) {
        await trx
          .insertInto('intake_items')
          .values(
            items
              .slice(i, i + ITEMS_PER_INSERT)
              .map((item) => ({ ...item, batch_id: batchId, outcome: 'pending' as const, updated_at: now })),
          )
          .execute()
      }
      const queueJobId = await queue.enqueue(
        trx,
        INTAKE_JOB,
        { batchId, files: items.length },
        { idempotencyKey: `intake:${batchId}` },
      )
      await trx.updateTable('intake_batches').set({ queue_job_id: queueJobId }).where('id', '=', batchId).execute()
    })
    queue.notify()
    const view = await batchView(db, batchId)
    events.emit('intake.progress', view)
    return view
  }

  return {
    async importPaths({ jobId, paths }) {
      await checkJob(jobId)
      const found = await expandPaths(paths)
      if (!found.length) throw new StudioError('invalid_input', 'There are no files in what was chosen')
      return createBatch(
        jobId,
        found.map((f) => ({ name: f.name, source_path: f.path, staged_hash: null, size: f.size, file_time: null })),
      )
    },

    async importFiles({ jobId, files: uploads }) {
      await checkJob(jobId)
      const items: NewItem[] = []
      for (const upload of uploads) {
        const bytes = upload.base64 === undefined ? null : Buffer.from(upload.base64, 'base64')
        const fits = bytes !== null && bytes.byteLength <= MAX_RESUME_BYTES
        const staged = fits ? await files.put(bytes, upload.name) : null
        items.push({
          name: upload.name,
          source_path: null,
          staged_hash: staged?.hash ?? null,
          size: bytes?.byteLength ?? upload.size,
          file_time: upload.lastModified ?? null,
        })
      }
      return createBatch(jobId, items)
    },

    async importAnyway(itemId) {
      const item = await db
        .selectFrom('intake_items')
        .innerJoin('intake_batches', 'intake_batches.id', 'intake_items.batch_id')
        .select([
          'intake_items.name',
          'intake_items.source_path',
          'intake_items.staged_hash',
          'intake_items.size',
          'intake_items.file_time',
          'intake_items.outcome',
          'intake_items.reason',
          'intake_batches.job_id',
        ])
        .where('intake_items.id', '=', itemId)
        .executeTakeFirst()
      if (!item) throw new StudioError('not_found', 'That file is not in any import')
      if (item.outcome !== 'refused' || item.reason !== 'not_a_resume')
        throw new StudioError('conflict', 'Only a file refused as not a resume can be imported anyway')
      if (!item.source_path && !item.staged_hash)
        throw new StudioError(
          'conflict',
          `Uploads refused as not a resume are kept for ${KEEP_REFUSED_UPLOADS_MS / 86_400_000} days; upload ${item.name} again`,
        )
      const { outcome: _outcome, reason: _reason, job_id: jobId, ...source } = item
      await checkJob(jobId ?? undefined)
      return createBatch(jobId ?? undefined, [{ ...source, accept_non_resume: 1 }])
    },

    async cancel(batchId) {
      const batch = await batchView(db, batchId)
      if (batch.status === 'done' || batch.status === 'cancelled' || batch.status === 'failed') return batch
      if (batch.queueJobId) {
        await queue.cancel(batch.queueJobId).catch((error: unknown) => {
          if (!(error instanceof StudioError && error.code === 'conflict')) throw error
        })
      }
      const now = clock.now()
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('intake_items')
          .set({ outcome: 'cancelled', updated_at: now })
          .where('batch_id', '=', batchId)
          .where('outcome', '=', 'pending')
          .execute()
        await trx
          .updateTable('intake_batches')
          .set({ status: 'cancelled', updated_at: now })
          .where('id', '=', batchId)
          .execute()
      })
      const view = await batchView(db, batchId)
      events.emit('intake.progress', view)
      return view
    },

    get: (batchId) => batchDetail(db, batchId),
    list: (filter) => batchViews(db, filter),
  }
}
