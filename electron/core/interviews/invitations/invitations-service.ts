import type { Kysely, Selectable, Transaction } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { InvitationKind, InvitationStatus, InvitationView } from '../../../../shared/contract/interviews'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { JobSource, PipelineLink } from '../sources'
import type { InterviewInvitationsTable } from '../tables'
import { generateCode, hashCode } from './codes'
import { cancelInvitation, recordChange, rescheduleInvitation, type Reschedule } from './invitation-schedule'
import { invitationViews } from './invitation-views'
import { checkWindow } from './schedule-window'

export type InvitationRow = Selectable<InterviewInvitationsTable>

export interface CreateInvitation {
  templateId: string
  candidateId: string
  candidateName: string
  expiresInHours: number
  scheduledAt: number | null
  kind: InvitationKind
  location: string | null
}

export interface InvitationsServiceDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  clock: Clock
  jobs: JobSource
  pipeline: PipelineLink
}

export interface InvitationsService {
  create(input: CreateInvitation): Promise<InvitationView>
  list(filter: {
    templateId?: string
    candidateId?: string
    status: InvitationStatus | 'all'
  }): Promise<InvitationView[]>
  /** Moves a pending (or expired, never started) invitation to a new window; the code stays the same. */
  reschedule(id: string, schedule: Reschedule): Promise<InvitationView>
  cancel(id: string): Promise<InvitationView>
  get(id: string): Promise<InvitationView>
  /** Marks pending invitations whose expiry has passed as expired; returns how many. */
  expireDue(): Promise<number>
  byCodeHash(hash: string): Promise<InvitationRow | undefined>
  setStatus(
    trx: Transaction<Database>,
    id: string,
    status: InvitationStatus,
    extra?: { sessionId?: string },
  ): Promise<void>
}

/** Codes that collide with an existing one are drawn again; at 31^8 codes this almost never happens. */
const CODE_ATTEMPTS = 5

export function createInvitationsService(deps: InvitationsServiceDeps): InvitationsService {
  const { db, writer, clock } = deps

  const views = (rows: InvitationRow[]) => invitationViews(db, rows)

  /** The application a template made for a job invites into; a template without a job invites anyone named. */
  const applicationOf = async (jobId: string | null, candidateId: string, candidateName: string) => {
    if (jobId === null) return null
    const applicationId = await deps.pipeline.applicationFor(jobId, candidateId)
    if (applicationId) return applicationId
    const title = (await deps.jobs.titles([jobId])).get(jobId) ?? 'its job'
    throw new StudioError(
      'conflict',
      `${candidateName} has not applied to ${title}. Add them to the job first, or choose a template that is not tied to a job.`,
    )
  }

  const get = async (id: string) => {
    const row = await db
      .selectFrom('interview_invitations')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new StudioError('not_found', 'That invitation no longer exists')
    return (await views([row]))[0]!
  }

  const setStatus: InvitationsService['setStatus'] = async (trx, id, status, extra = {}) => {
    const now = clock.now()
    await writer.update(trx, 'interview_invitations', id, {
      status,
      ...(status === 'started' && { started_at: now }),
      ...(status === 'completed' && { completed_at: now }),
      ...(extra.sessionId !== undefined && { session_id: extra.sessionId }),
    })
  }

  const expireDue = async () => {
    const due = await db
      .selectFrom('interview_invitations')
      .select('id')
      .where('status', '=', 'pending')
      .where('expires_at', '<=', clock.now())
      .where('deleted_at', 'is', null)
      .execute()
    if (!due.length) return 0
    await db.transaction().execute(async (trx) => {
      for (const { id } of due) await setStatus(trx, id, 'expired')
    })
    return due.length
  }

  return {
    get,
    setStatus,
    expireDue,

    async create(input) {
      const template = await db
        .selectFrom('interview_templates')
        .select(['status', 'job_id'])
        .where('id', '=', input.templateId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (!template) throw new StudioError('not_found', 'That interview template no longer exists')
      if (template.status !== 'active')
        throw new StudioError('conflict', 'Publish the template before inviting candidates')
      const applicationId = await applicationOf(template.job_id, input.candidateId, input.candidateName)
      const now = clock.now()
      const expiresAt = now + input.expiresInHours * 3_600_000
      checkWindow(now, input.scheduledAt, expiresAt)
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const code = generateCode()
        const codeHash = hashCode(code)
        const taken = await db
          .selectFrom('interview_invitations')
          .select('id')
          .where('code_hash', '=', codeHash)
          .executeTakeFirst()
        if (taken) continue
        const id = await db.transaction().execute(async (trx) => {
          const newId = await writer.insert(trx, 'interview_invitations', {
            template_id: input.templateId,
            candidate_id: input.candidateId,
            candidate_name: input.candidateName,
            code_hash: codeHash,
            status: 'pending',
            expires_at: expiresAt,
            scheduled_at: input.scheduledAt,
            started_at: null,
            completed_at: null,
            session_id: null,
            application_id: applicationId,
            kind: input.kind,
            location: input.location,
          })
          await trx.insertInto('invitation_codes').values({ invitation_id: newId, code }).execute()
          await recordChange(trx, writer, newId, 'created')
          return newId
        })
        return get(id)
      }
      throw new Error('Could not draw an unused kiosk code')
    },

    async list(filter) {
      await expireDue()
      let query = db
        .selectFrom('interview_invitations')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(1000)
      if (filter.templateId) query = query.where('template_id', '=', filter.templateId)
      if (filter.candidateId) query = query.where('candidate_id', '=', filter.candidateId)
      if (filter.status !== 'all') query = query.where('status', '=', filter.status)
      return views(await query.execute())
    },

    async cancel(id) {
      await db.transaction().execute((trx) => cancelInvitation(trx, writer, id, () => setStatus(trx, id, 'cancelled')))
      return get(id)
    },

    async reschedule(id, schedule) {
      await db.transaction().execute((trx) => rescheduleInvitation(trx, { writer, clock }, id, schedule))
      return get(id)
    },

    byCodeHash(hash) {
      return db
        .selectFrom('interview_invitations')
        .selectAll()
        .where('code_hash', '=', hash)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    },
  }
}
