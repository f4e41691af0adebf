import type { Kysely, Transaction } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import {
  pipelineStatusSchema,
  type ApplicationView,
  type PipelineStatus,
  type StatusChange,
} from '../../../../shared/contract/screening'
import type { Direct } from '../../db/direct'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'

type Db = Kysely<Database> | Transaction<Database>

/** A stored status as the contract's, an unknown one read as new; null stays null. */
export const readStatus = (value: string | null): PipelineStatus | null =>
  value ? pipelineStatusSchema.catch('new').parse(value) : null

export async function historyOf(db: Db, applicationIds: string[]): Promise<Map<string, StatusChange[]>> {
  const byApplication = new Map<string, StatusChange[]>()
  if (!applicationIds.length) return byApplication
  const rows = await db
    .selectFrom('status_changes')
    .selectAll()
    .where('application_id', 'in', applicationIds)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
  for (const row of rows) {
    const list = byApplication.get(row.application_id) ?? []
    list.push({
      id: row.id,
      from: readStatus(row.from_status),
      to: readStatus(row.to_status)!,
      kind: row.kind,
      at: row.created_at,
    })
    byApplication.set(row.application_id, list)
  }
  return byApplication
}

export async function applicationViews(
  db: Db,
  where: { candidateId: string } | { applicationId: string },
): Promise<ApplicationView[]> {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('job_openings as j', 'j.id', 'a.job_id')
    .select(['a.id', 'a.job_id', 'a.candidate_id', 'a.status', 'j.title'])
    .where('a.deleted_at', 'is', null)
  query =
    'candidateId' in where
      ? query.where('a.candidate_id', '=', where.candidateId)
      : query.where('a.id', '=', where.applicationId)
  const rows = await query.orderBy('a.created_at', 'desc').execute()
  const history = await historyOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((row) => ({
    id: row.id,
    jobId: row.job_id,
    jobTitle: row.title,
    candidateId: row.candidate_id,
    status: readStatus(row.status)!,
    history: history.get(row.id) ?? [],
  }))
}

export async function applicationView(db: Db, applicationId: string): Promise<ApplicationView> {
  const [view] = await applicationViews(db, { applicationId })
  if (!view) throw new StudioError('not_found', 'That application no longer exists')
  return view
}

/** Puts a candidate in a job's pipeline as new (once); returns whether it was added. */
export function ensureApplication(direct: Direct, writer: SyncedWriter, jobId: string, candidateId: string): boolean {
  const existing = direct.get('select id from applications where job_id = ? and candidate_id = ?', [jobId, candidateId])
  if (existing) return false
  addApplication(direct, writer, jobId, candidateId)
  return true
}

/** A new application, with its first history entry; for a candidate known to have none in this job. */
export function addApplication(direct: Direct, writer: SyncedWriter, jobId: string, candidateId: string): void {
  const applicationId = writer.insertNow(direct, 'applications', {
    job_id: jobId,
    candidate_id: candidateId,
    status: 'new',
  })
  writer.insertNow(direct, 'status_changes', {
    application_id: applicationId,
    from_status: null,
    to_status: 'new',
    kind: 'import',
  })
}

/**
 * The change an undo reverts: the newest "set" not already cancelled by a later undo, so undoing
 * twice walks back two changes.
 */
export function changeToUndo(history: readonly StatusChange[]): StatusChange | undefined {
  let undone = 0
  for (let i = history.length - 1; i >= 0; i--) {
    const change = history[i]!
    if (change.kind === 'undo') undone++
    else if (change.kind === 'set') {
      if (undone === 0) return change
      undone--
    }
  }
  return undefined
}
