import { sql, type Kysely } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type {
  IntakeBatchDetail,
  IntakeBatchStatus,
  IntakeBatchView,
  IntakeCounts,
} from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'

export async function batchCounts(db: Kysely<Database>, batchId: string, total: number): Promise<IntakeCounts> {
  const rows = await db
    .selectFrom('intake_items')
    .select(['outcome', sql<number>`count(*)`.as('n')])
    .where('batch_id', '=', batchId)
    .groupBy('outcome')
    .execute()
  const of = (outcome: string) => Number(rows.find((r) => r.outcome === outcome)?.n ?? 0)
  const counts = {
    imported: of('imported'),
    duplicates: of('duplicate'),
    refused: of('refused'),
    cancelled: of('cancelled'),
  }
  return { total, done: counts.imported + counts.duplicates + counts.refused, ...counts }
}

/** A batch not yet finished takes its status from its queue job, which knows whether it is running, failed or cancelled. */
function statusOf(batch: IntakeBatchStatus, queueStatus: string | null | undefined): IntakeBatchStatus {
  if (batch === 'done' || batch === 'cancelled' || batch === 'failed') return batch
  switch (queueStatus) {
    case 'running':
      return 'running'
    case 'succeeded':
      return 'done'
    case 'cancelled':
      return 'cancelled'
    case 'failed':
    case 'dead':
      return 'failed'
    default:
      return batch
  }
}

export async function batchViews(
  db: Kysely<Database>,
  filter: { batchId?: string; jobId?: string; limit?: number },
): Promise<IntakeBatchView[]> {
  let query = db
    .selectFrom('intake_batches as b')
    .leftJoin('jobs as q', 'q.id', 'b.queue_job_id')
    .select([
      'b.id',
      'b.job_id',
      'b.queue_job_id',
      'b.status',
      'b.total',
      'b.created_at',
      'b.updated_at',
      'q.status as queue_status',
    ])
  if (filter.batchId) query = query.where('b.id', '=', filter.batchId)
  if (filter.jobId) query = query.where('b.job_id', '=', filter.jobId)
  const rows = await query
    .orderBy('b.created_at', 'desc')
    .limit(filter.limit ?? 20)
    .execute()
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      jobId: row.job_id,
      queueJobId: row.queue_job_id,
      status: statusOf(row.status, row.queue_status),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ...(await batchCounts(db, row.id, row.total)),
    })),
  )
}

export async function batchView(db: Kysely<Database>, batchId: string): Promise<IntakeBatchView> {
  const [view] = await batchViews(db, { batchId })
  if (!view) throw new StudioError('not_found', 'That import no longer exists')
  return view
}

export async function batchDetail(db: Kysely<Database>, batchId: string): Promise<IntakeBatchDetail> {
  const view = await batchView(db, batchId)
  const items = await db
    .selectFrom('intake_items')
    .select(['id', 'name', 'outcome', 'reason', 'message', 'candidate_id'])
    .where('batch_id', '=', batchId)
    .orderBy('id')
    .execute()
  return {
    ...view,
    items: items.map((item) => ({
      id: item.id,
      name: item.name,
      outcome: item.outcome,
      reason: item.reason,
      message: item.message,
      candidateId: item.candidate_id,
    })),
  }
}
