import type { Selectable } from 'kysely'
import type { JobView } from '../../../shared/contract/foundation'
import { StudioError } from '../../../shared/contract/errors'
import type { JobsTable } from '../db/schema'
import type { QueueState } from './queue-state'

export type JobRow = Selectable<JobsTable>

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

export function emitJob(queue: QueueState, row: JobRow | undefined): void {
  if (row) queue.onChange?.(toJobView(row))
}

export async function mustGetJob(queue: QueueState, id: string): Promise<JobRow> {
  const row = await queue.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new StudioError('not_found', `No job ${id}`)
  return row
}

/**
 * For updates that must not touch a job a cancel or an expired lease has already settled: still
 * running, and on this queue's lease (a job another process reclaimed is that process's now).
 */
export const WHILE_RUNNING = { status: ['running' as JobRow['status']], ownLease: true }

/** Updates a job (only while it has one of `where.status`, when given) and tells listeners. */
export async function updateJob(
  queue: QueueState,
  id: string,
  set: Partial<JobRow>,
  where?: { status: JobRow['status'][]; ownLease?: boolean },
): Promise<JobRow | undefined> {
  let query = queue.db
    .updateTable('jobs')
    .set({ ...set, updated_at: queue.clock.now() })
    .where('id', '=', id)
  if (where) query = query.where('status', 'in', where.status)
  if (where?.ownLease) query = query.where('lease_owner', '=', queue.owner)
  const row = await query.returningAll().executeTakeFirst()
  emitJob(queue, row)
  return row
}
