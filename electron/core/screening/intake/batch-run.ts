import type { Kysely, Selectable } from 'kysely'
import type { IntakeBatchView, IntakeCounts } from '../../../../shared/contract/screening'
import type { Clock } from '../../clock'
import type { DirectDb } from '../../db/direct'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { EventBus } from '../../events'
import type { Logger } from '../../logger'
import type { OutgoingEvents } from '../../outgoing-events'
import type { JobContext } from '../../queue/types'
import type { Rerank } from '../candidates/rerank'
import type { IntakeBatchesTable, IntakeItemsTable } from '../tables'
import type { FileStore } from './file-store'
import { createGroupCommitter, type Decide, type GroupCommitter } from './group-commit'
import type { SettledOutcome } from './record-outcome'
import type { ResumeParser } from './resume-parser'

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
  /** Announces each new candidate (candidate.created) in the transaction that creates them. */
  outgoing: OutgoingEvents
}

export type IntakeItem = Selectable<IntakeItemsTable>

/** One run of one batch: its dependencies, and what its lanes share while they import. */
export interface BatchRun {
  readonly deps: IntakeJobDeps
  readonly ctx: JobContext
  readonly batch: Selectable<IntakeBatchesTable>
  readonly counts: IntakeCounts
  readonly committer: GroupCommitter
  readonly settling: Set<Promise<void>>
  failure: unknown
  lastEvent: number
  lastQueueProgress: number
  lastRerank: number
  reranking: Promise<unknown>
}

const PROGRESS_EVENT_MS = 100
/** The queue's own progress is a database write (and a disk flush); the import bar has its own events. */
const QUEUE_PROGRESS_MS = 1000
/** While a batch runs, its job's ranking is refreshed this often so the list fills in as files arrive. */
const LIVE_RERANK_MS = 2000

export function startBatchRun(
  deps: IntakeJobDeps,
  ctx: JobContext,
  batch: Selectable<IntakeBatchesTable>,
  counts: IntakeCounts,
): BatchRun {
  return {
    deps,
    ctx,
    batch,
    counts,
    committer: createGroupCommitter(deps.direct, () => deps.clock.now()),
    settling: new Set(),
    failure: null,
    lastEvent: 0,
    lastQueueProgress: 0,
    lastRerank: deps.clock.now(),
    reranking: Promise.resolve(),
  }
}

export function emitProgress(run: BatchRun, force = false): void {
  const { batch, counts } = run
  const now = run.deps.clock.now()
  if (!force && now - run.lastEvent < PROGRESS_EVENT_MS) return
  run.lastEvent = now
  const view: IntakeBatchView = {
    id: batch.id,
    jobId: batch.job_id,
    queueJobId: batch.queue_job_id,
    status: 'running',
    createdAt: batch.created_at,
    updatedAt: now,
    ...counts,
  }
  run.deps.events.emit('intake.progress', view)
  if (force || now - run.lastQueueProgress >= QUEUE_PROGRESS_MS) {
    run.lastQueueProgress = now
    run.ctx.progress(counts.total ? counts.done / counts.total : 1, `${counts.done} of ${counts.total} files`)
  }
}

function refreshRanking(run: BatchRun): void {
  const { deps, batch } = run
  if (!batch.job_id || deps.clock.now() - run.lastRerank < LIVE_RERANK_MS) return
  run.lastRerank = deps.clock.now()
  run.reranking = run.reranking
    .then(() => deps.rerank(batch.job_id!))
    .catch((error) => deps.logger.warn('live re-rank failed', { error: String(error) }))
}

/** Commits what `decide` settles the item as; when it decides nothing (null), nothing is written. */
export async function commitOutcome(run: BatchRun, item: IntakeItem, decide: Decide): Promise<SettledOutcome | null> {
  const outcome = await run.committer.submit(item.id, decide)
  if (!outcome) return null
  const { counts } = run
  counts.done++
  if (outcome.outcome === 'imported') counts.imported++
  else if (outcome.outcome === 'duplicate') counts.duplicates++
  else counts.refused++
  emitProgress(run)
  refreshRanking(run)
  return outcome
}

/** Final outcomes go to the next group commit while the lane moves on to its next file. */
export function settleLater(run: BatchRun, item: IntakeItem, decide: Decide, after?: () => Promise<void>): void {
  const done: Promise<void> = commitOutcome(run, item, decide)
    .then(() => after?.())
    .catch((error: unknown) => void (run.failure ??= error))
    .finally(() => run.settling.delete(done))
  run.settling.add(done)
}

/** Waits for every outcome still being committed and the live re-rank; throws the first failure. */
export async function drainBatchRun(run: BatchRun): Promise<void> {
  // Every file is read: the last outcomes need not wait for company.
  run.committer.flushNow()
  while (run.settling.size) await Promise.all([...run.settling])
  await run.reranking
  if (run.failure) throw run.failure
}
