import fs from 'node:fs'
import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import { MAX_RESUME_BYTES, type IntakeBatchView, type IntakeCounts } from '../../../../shared/contract/screening'
import type { Clock } from '../../clock'
import type { DirectDb } from '../../db/direct'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { EventBus } from '../../events'
import type { Logger } from '../../logger'
import { defineJob, PermanentJobError, type JobContext } from '../../queue/types'
import type { Rerank } from '../candidates/rerank'
import type { IntakeItemsTable } from '../tables'
import { batchCounts } from './batches'
import { contentHash, type FileStore } from './file-store'
import { createGroupCommitter, type Decide } from './group-commit'
import { duplicateOfFile, recordParsedFile, type SettledOutcome } from './record-outcome'
import type { ResumeParser } from './resume-parser'

export const INTAKE_JOB = 'screening.intake'

export const intakePayloadSchema = z.object({ batchId: z.string().min(1).max(64), files: z.number().int().min(0) })

export interface IntakeJobDeps {
  db: Kysely<Database>
  direct: DirectDb
  writer: SyncedWriter
  clock: Clock
  events: EventBus
  logger: Logger
  parser: ResumeParser
  files: FileStore
  rerank: Rerank
}

type Item = Selectable<IntakeItemsTable>

const PROGRESS_EVENT_MS = 100
/** The queue's own progress is a database write (and a disk flush); the import bar has its own events. */
const QUEUE_PROGRESS_MS = 1000
/** While a batch runs, its job's ranking is refreshed this often so the list fills in as files arrive. */
const LIVE_RERANK_MS = 2000

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const refused = (reason: string, message: string): SettledOutcome => ({
  outcome: 'refused',
  reason,
  message,
  candidateId: null,
})

/**
 * Imports one batch. Every file's outcome is committed with its effects in one transaction that
 * only succeeds while the item is still pending, so a batch killed half-way resumes where it
 * stopped, never imports a file twice, and a cancel stops it between files.
 */
export function intakeJob(deps: IntakeJobDeps) {
  const { db, writer, clock, events, parser, files } = deps

  const readSource = async (item: Item): Promise<{ bytes: Uint8Array; fileTime: number } | SettledOutcome> => {
    if (item.source_path) {
      const stat = await fs.promises.stat(item.source_path).catch(() => null)
      if (!stat?.isFile()) return refused('unreadable', 'The file could not be found or is not a regular file')
      if (stat.size > MAX_RESUME_BYTES) {
        return refused('too_large', `The file is ${megabytes(stat.size)}; the limit is ${megabytes(MAX_RESUME_BYTES)}`)
      }
      const bytes = await fs.promises.readFile(item.source_path).catch(() => null)
      if (!bytes) return refused('unreadable', 'The file could not be read')
      return { bytes, fileTime: Math.round(stat.mtimeMs) }
    }
    if (!item.staged_hash) {
      return refused('too_large', `The file is ${megabytes(item.size)}; the limit is ${megabytes(MAX_RESUME_BYTES)}`)
    }
    const bytes = await files.read(files.pathOf(item.staged_hash, item.name)).catch(() => null)
    if (!bytes) return refused('unreadable', 'The uploaded file is missing from the data folder')
    return { bytes, fileTime: item.file_time ?? clock.now() }
  }

  /** Uploaded bytes that became nothing (refused) are removed unless something else still needs them. */
  const dropStagedIfUnused = async (item: Item) => {
    if (!item.staged_hash) return
    const [file, pending] = await Promise.all([
      db.selectFrom('resume_files').select('id').where('content_hash', '=', item.staged_hash).executeTakeFirst(),
      db
        .selectFrom('intake_items')
        .select('id')
        .where('staged_hash', '=', item.staged_hash)
        .where('outcome', '=', 'pending')
        .where('id', '!=', item.id)
        .executeTakeFirst(),
    ])
    if (!file && !pending) await files.remove(files.pathOf(item.staged_hash, item.name))
  }

  return defineJob({
    kind: INTAKE_JOB,
    payload: intakePayloadSchema,
    title: (p) => `Import ${p.files} resume${p.files === 1 ? '' : 's'}`,
    leaseMs: 60_000,
    maxAttempts: 5,
    async run({ batchId }, ctx: JobContext) {
      const batch = await db.selectFrom('intake_batches').selectAll().where('id', '=', batchId).executeTakeFirst()
      if (!batch) throw new PermanentJobError(`No import batch ${batchId}`)
      if (batch.status === 'cancelled' || batch.status === 'done') return { skipped: batch.status }
      await db
        .updateTable('intake_batches')
        .set({ status: 'running', updated_at: clock.now() })
        .where('id', '=', batchId)
        .execute()

      const counts: IntakeCounts = await batchCounts(db, batchId, batch.total)
      let lastEvent = 0
      let lastQueueProgress = 0
      const emit = (force = false) => {
        const now = clock.now()
        if (!force && now - lastEvent < PROGRESS_EVENT_MS) return
        lastEvent = now
        const view: IntakeBatchView = {
          id: batchId,
          jobId: batch.job_id,
          queueJobId: batch.queue_job_id,
          status: 'running',
          createdAt: batch.created_at,
          updatedAt: now,
          ...counts,
        }
        events.emit('intake.progress', view)
        if (force || now - lastQueueProgress >= QUEUE_PROGRESS_MS) {
          lastQueueProgress = now
          ctx.progress(counts.total ? counts.done / counts.total : 1, `${counts.done} of ${counts.total} files`)
        }
      }

      let lastRerank = clock.now()
      let reranking: Promise<unknown> = Promise.resolve()
      const refreshRanking = () => {
        if (!batch.job_id || clock.now() - lastRerank < LIVE_RERANK_MS) return
        lastRerank = clock.now()
        reranking = reranking
          .then(() => deps.rerank(batch.job_id!))
          .catch((error) => deps.logger.warn('live re-rank failed', { error: String(error) }))
      }

      const committer = createGroupCommitter(deps.direct, () => clock.now())
      /** Commits what `decide` settles the item as; when it decides nothing (null), nothing is written. */
      const commit = async (item: Item, decide: Decide) => {
        const outcome = await committer.submit(item.id, decide)
        if (!outcome) return null
        counts.done++
        if (outcome.outcome === 'imported') counts.imported++
        else if (outcome.outcome === 'duplicate') counts.duplicates++
        else counts.refused++
        emit()
        refreshRanking()
        return outcome
      }

      // Final outcomes go to the next group commit while the lane moves on to its next file.
      const settling = new Set<Promise<void>>()
      let failure: unknown = null
      const settle = (item: Item, decide: Decide, after?: () => Promise<void>) => {
        const done: Promise<void> = commit(item, decide)
          .then(() => after?.())
          .catch((error: unknown) => void (failure ??= error))
          .finally(() => settling.delete(done))
        settling.add(done)
      }

      const ref = (item: Item) => ({ itemId: item.id, jobId: batch.job_id })

      const importItem = async (item: Item) => {
        const source = await readSource(item)
        if ('outcome' in source) return settle(item, () => source)
        const hash = contentHash(source.bytes)
        // Before parsing, to save the work; recordParsedFile checks again in its own transaction, for files racing in parallel.
        const known = await db
          .selectFrom('resume_files')
          .select('id')
          .where('content_hash', '=', hash)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
        const sameFile = known ? await commit(item, (trx) => duplicateOfFile(trx, writer, ref(item), hash)) : null
        if (sameFile) return
        let parsed
        try {
          parsed = await parser.parse(source.bytes, item.name, ctx.signal)
        } catch (error) {
          if (ctx.signal.aborted) throw error
          deps.logger.warn('resume parser failed', { name: item.name, error: String(error) })
          return settle(item, () => refused('corrupt', 'The file could not be read; it may be damaged'))
        }
        if (!parsed.ok)
          return settle(
            item,
            () => refused(parsed.refusal.reason, parsed.refusal.message),
            () => dropStagedIfUnused(item),
          )
        const stored = await files.put(source.bytes, item.name, hash)
        settle(item, (trx) =>
          recordParsedFile(
            trx,
            writer,
            ref(item),
            {
              fileName: item.name,
              hash,
              storedPath: stored.relativePath,
              size: source.bytes.byteLength,
              fileTime: source.fileTime,
              document: parsed.document,
              resume: parsed.resume,
              features: parsed.features,
            },
            clock.now(),
          ),
        )
      }

      const pending = await db
        .selectFrom('intake_items')
        .selectAll()
        .where('batch_id', '=', batchId)
        .where('outcome', '=', 'pending')
        .orderBy('id')
        .execute()
      emit(true)
      let next = 0
      const lane = async () => {
        while (next < pending.length && !ctx.signal.aborted && !failure) {
          const item = pending[next++]!
          try {
            await importItem(item)
          } catch (error) {
            if (ctx.signal.aborted) continue
            throw error
          }
        }
      }
      const lanes = Math.max(2, parser.concurrency * 4)
      await Promise.all(Array.from({ length: Math.min(lanes, pending.length) }, lane))
      // Every file is read: the last outcomes need not wait for company.
      committer.flushNow()
      while (settling.size) await Promise.all([...settling])
      await reranking
      if (failure) throw failure
      if (ctx.signal.aborted) throw new Error('import cancelled')

      if (batch.job_id) await deps.rerank(batch.job_id)
      await db
        .updateTable('intake_batches')
        .set({ status: 'done', updated_at: clock.now() })
        .where('id', '=', batchId)
        .execute()
      events.emit('intake.progress', {
        id: batchId,
        jobId: batch.job_id,
        queueJobId: batch.queue_job_id,
        status: 'done',
        createdAt: batch.created_at,
        updatedAt: clock.now(),
        ...(await batchCounts(db, batchId, batch.total)),
      })
      return counts
    },
  })
}
