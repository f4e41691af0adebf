import type { Kysely, Selectable } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import type { FeedbackView } from '../../../shared/contract/feedback'
import type { Database } from '../db/schema'
import { listDeliveries } from '../mail/deliveries'
import type { FeedbackDraftsTable } from './tables'

/** Drafts as the recruiter sees them; a draft being sent takes its status from its email. */
export async function feedbackViews(
  db: Kysely<Database>,
  rows: Selectable<FeedbackDraftsTable>[],
): Promise<FeedbackView[]> {
  const ids = rows.map((r) => r.delivery_id).filter((id): id is string => id !== null)
  const deliveries = new Map(
    (ids.length ? await listDeliveries(db, { ids, limit: ids.length }) : []).map((d) => [d.id, d]),
  )
  return rows.map((row) => {
    const delivery = row.delivery_id ? deliveries.get(row.delivery_id) : undefined
    const status =
      row.status === 'sending' && delivery?.status === 'sent'
        ? 'sent'
        : row.status === 'sending' && delivery?.status === 'failed'
          ? 'failed'
          : row.status
    return {
      id: row.id,
      candidateId: row.candidate_id,
      applicationId: row.application_id,
      sessionId: row.session_id,
      basis: row.basis,
      jobTitle: row.job_title,
      source: row.source,
      sourceNote: row.source_note,
      status,
      to: row.to_address,
      subject: row.subject,
      body: row.body,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      autoSendAt: row.auto_send_at,
      heldReason: row.held_reason,
      sentAt: delivery?.sentAt ?? null,
      deliveryId: row.delivery_id,
      deliveryStatus: delivery?.status ?? null,
      deliveryError: delivery?.lastError ?? null,
    }
  })
}

export async function readDraft(db: Kysely<Database>, id: string): Promise<Selectable<FeedbackDraftsTable>> {
  const row = await db.selectFrom('feedback_drafts').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new StudioError('not_found', 'No such feedback')
  return row
}

export async function draftView(db: Kysely<Database>, id: string): Promise<FeedbackView> {
  const [view] = await feedbackViews(db, [await readDraft(db, id)])
  return view!
}
