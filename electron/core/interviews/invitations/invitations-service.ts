import type { Kysely, Selectable, Transaction } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { InvitationStatus, InvitationView } from '../../../../shared/contract/interviews'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { InterviewInvitationsTable } from '../tables'
import { formatCode, generateCode, hashCode } from './codes'

export type InvitationRow = Selectable<InterviewInvitationsTable>

export interface CreateInvitation {
  templateId: string
  candidateId: string
  candidateName: string
  expiresInHours: number
  scheduledAt: number | null
}

export interface InvitationsServiceDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  clock: Clock
}

export interface InvitationsService {
  create(input: CreateInvitation): Promise<InvitationView>
  list(filter: { templateId?: string; status: InvitationStatus | 'all' }): Promise<InvitationView[]>
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

  const views = async (rows: InvitationRow[]): Promise<InvitationView[]> => {
    if (!rows.length) return []
    const ids = rows.map((r) => r.id)
    const codes = new Map(
      (await db.selectFrom('invitation_codes').selectAll().where('invitation_id', 'in', ids).execute()).map((c) => [
        c.invitation_id,
        c.code,
      ]),
    )
    const templateIds = [...new Set(rows.map((r) => r.template_id))]
    const names = new Map(
      (await db.selectFrom('interview_templates').select(['id', 'name']).where('id', 'in', templateIds).execute()).map(
        (t) => [t.id, t.name],
      ),
    )
    return rows.map((row) => {
      const code = codes.get(row.id)
      return {
        id: row.id,
        templateId: row.template_id,
        templateName: names.get(row.template_id) ?? 'Deleted template',
        candidateId: row.candidate_id,
        candidateName: row.candidate_name,
        code: code ? formatCode(code) : null,
        status: row.status,
        expiresAt: row.expires_at,
        scheduledAt: row.scheduled_at,
        startedAt: row.started_at,
        completedAt: row.completed_at,
        sessionId: row.session_id,
        createdAt: row.created_at,
      }
    })
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
        .select(['status'])
        .where('id', '=', input.templateId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (!template) throw new StudioError('not_found', 'That interview template no longer exists')
      if (template.status !== 'active')
        throw new StudioError('conflict', 'Publish the template before inviting candidates')
      const now = clock.now()
      const expiresAt = now + input.expiresInHours * 3_600_000
      if (input.scheduledAt !== null && (input.scheduledAt < now - 60_000 || input.scheduledAt >= expiresAt)) {
        throw new StudioError('invalid_input', 'The scheduled time must be in the future and before the code expires', [
          'scheduledAt: must be between now and the expiry',
        ])
      }
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
          })
          await trx.insertInto('invitation_codes').values({ invitation_id: newId, code }).execute()
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
      if (filter.status !== 'all') query = query.where('status', '=', filter.status)
      return views(await query.execute())
    },

    async cancel(id) {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('interview_invitations')
          .select('status')
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
        if (!row) throw new StudioError('not_found', 'That invitation no longer exists')
        if (row.status !== 'pending')
          throw new StudioError('conflict', `Only a pending invitation can be cancelled; this one is ${row.status}`)
        await setStatus(trx, id, 'cancelled')
      })
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
