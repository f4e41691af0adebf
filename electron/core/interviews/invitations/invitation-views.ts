import type { Kysely } from 'kysely'
import type { InvitationView } from '../../../../shared/contract/interviews'
import type { Database } from '../../db/schema'
import { formatCode } from './codes'
import type { InvitationRow } from './invitations-service'

/** Invitations as the recruiter sees them: with the code this machine issued, the template's name and the schedule's history. */
export async function invitationViews(db: Kysely<Database>, rows: InvitationRow[]): Promise<InvitationView[]> {
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
  const history = new Map<string, InvitationView['history']>()
  const changes = await db
    .selectFrom('invitation_changes')
    .selectAll()
    .where('invitation_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
  for (const change of changes) {
    const list = history.get(change.invitation_id) ?? []
    list.push({
      change: change.change,
      at: change.created_at,
      scheduledAt: change.scheduled_at,
      expiresAt: change.expires_at,
      location: change.location,
    })
    history.set(change.invitation_id, list)
  }
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
      kind: row.kind,
      location: row.location,
      applicationId: row.application_id,
      history: history.get(row.id) ?? [],
    }
  })
}
