import type { Kysely, Transaction } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { ApplicationView, NoteView, PipelineStatus, RerankSummary } from '../../../../shared/contract/screening'
import type { DirectDb } from '../../db/direct'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { EventBus } from '../../events'
import { applicationView, changeToUndo, ensureApplication } from './applications'

export interface PipelineDeps {
  db: Kysely<Database>
  direct: DirectDb
  writer: SyncedWriter
  rerank(jobId: string): Promise<RerankSummary>
  events: EventBus
  /** Who is moving candidates here: the signed-in account, or null. */
  actor(): string | null
}

export interface Pipeline {
  setStatus(applicationId: string, status: PipelineStatus): Promise<ApplicationView>
  undoStatus(applicationId: string): Promise<ApplicationView>
  addNote(candidateId: string, jobId: string | undefined, body: string): Promise<NoteView>
  setTags(candidateId: string, tags: string[]): Promise<string[]>
  addToJob(jobId: string, candidateIds: string[]): Promise<{ added: number; rerank: RerankSummary }>
}

/**
 * Moves one application to `status` inside the caller's transaction, with the history entry that makes
 * it undoable; nothing when it is already there. Other areas (an interview starting, a recruiter's
 * decision) move candidates through this, in the transaction of their own change.
 */
export async function moveApplication(
  trx: Transaction<Database>,
  writer: SyncedWriter,
  applicationId: string,
  status: PipelineStatus,
  actor: string | null = null,
): Promise<void> {
  const current = await trx
    .selectFrom('applications')
    .select('status')
    .where('id', '=', applicationId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!current) throw new StudioError('not_found', 'That application no longer exists')
  if (current.status === status) return
  await writer.update(trx, 'applications', applicationId, { status })
  await writer.insert(trx, 'status_changes', {
    application_id: applicationId,
    from_status: current.status,
    to_status: status,
    kind: 'set',
    actor,
  })
}

/** Moves candidates through a job's pipeline, with a history that makes every change undoable. */
export function createPipeline(deps: PipelineDeps): Pipeline {
  const { db, writer } = deps
  const moved = (view: ApplicationView) => {
    deps.events.emit('pipeline.changed', { jobId: view.jobId })
    return view
  }

  const mustExist = async (table: 'candidates' | 'job_openings', id: string, what: string) => {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new StudioError('not_found', `That ${what} no longer exists`)
  }

  return {
    async setStatus(applicationId, status) {
      await db.transaction().execute((trx) => moveApplication(trx, writer, applicationId, status, deps.actor()))
      return moved(await applicationView(db, applicationId))
    },

    async undoStatus(applicationId) {
      const current = await applicationView(db, applicationId)
      const change = changeToUndo(current.history)
      if (!change?.from) throw new StudioError('conflict', 'There is no status change to undo')
      await db.transaction().execute(async (trx) => {
        await writer.update(trx, 'applications', applicationId, { status: change.from! })
        await writer.insert(trx, 'status_changes', {
          application_id: applicationId,
          from_status: current.status,
          to_status: change.from!,
          kind: 'undo',
          actor: deps.actor(),
        })
      })
      return moved(await applicationView(db, applicationId))
    },

    async addNote(candidateId, jobId, body) {
      await mustExist('candidates', candidateId, 'candidate')
      if (jobId) await mustExist('job_openings', jobId, 'job')
      const id = await db
        .transaction()
        .execute((trx) =>
          writer.insert(trx, 'candidate_notes', { candidate_id: candidateId, job_id: jobId ?? null, body }),
        )
      const row = await db.selectFrom('candidate_notes').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      return { id: row.id, candidateId: row.candidate_id, jobId: row.job_id, body: row.body, createdAt: row.created_at }
    },

    async setTags(candidateId, tags) {
      await mustExist('candidates', candidateId, 'candidate')
      const seen = new Set<string>()
      const clean = tags.filter((tag) => {
        const key = tag.toLowerCase()
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
      await db
        .transaction()
        .execute((trx) => writer.update(trx, 'candidates', candidateId, { tags: JSON.stringify(clean) }))
      return clean
    },

    async addToJob(jobId, candidateIds) {
      await mustExist('job_openings', jobId, 'job')
      const existing = await db
        .selectFrom('candidates')
        .select('id')
        .where('id', 'in', [...new Set(candidateIds)])
        .where('deleted_at', 'is', null)
        .execute()
      const added = await deps.direct.transaction(
        (direct) => existing.filter(({ id }) => ensureApplication(direct, writer, jobId, id)).length,
      )
      return { added, rerank: await deps.rerank(jobId) }
    },
  }
}
