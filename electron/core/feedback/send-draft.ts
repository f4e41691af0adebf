import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { MailOutbox } from '../mail/app'
import { paragraphsToHtml, htmlDocument } from '../mail/html'
import type { SmtpSettings } from '../mail/settings'
import type { Clock } from '../clock'

/**
 * Hands an approved (or automatically sent) draft to the mail queue, in the caller's transaction.
 * Only a draft moves: the update is conditional on the status, so an approval racing the automatic
 * send queues one email, never two.
 */
export async function queueDraftEmail(
  trx: Transaction<Database>,
  deps: { mail: MailOutbox; clock: Clock },
  draft: { id: string; candidate_id: string; to: string; subject: string; body: string },
  settings: SmtpSettings,
): Promise<boolean> {
  const claimed = await trx
    .updateTable('feedback_drafts')
    .set({
      status: 'sending',
      subject: draft.subject,
      body: draft.body,
      to_address: draft.to,
      held_reason: null,
      updated_at: deps.clock.now(),
    })
    .where('id', '=', draft.id)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  if (!claimed.numUpdatedRows) return false
  const deliveryId = await deps.mail.enqueue(
    trx,
    {
      kind: 'feedback',
      to: draft.to,
      subject: draft.subject,
      text: draft.body,
      html: htmlDocument(draft.subject, paragraphsToHtml(draft.body)),
      candidateId: draft.candidate_id,
      sourceId: draft.id,
    },
    settings,
  )
  await trx.updateTable('feedback_drafts').set({ delivery_id: deliveryId }).where('id', '=', draft.id).execute()
  return true
}
