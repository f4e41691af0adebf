import type { Kysely } from 'kysely'
import type { ConsentChoiceView, ConsentRecord } from '../../../../shared/contract/interviews/consent'
import type { Database } from '../../db/schema'

const CHOICES: ReadonlySet<string> = new Set<ConsentChoiceView['choice']>(['consented', 'alternative_requested'])

/** The candidate's consent choices, read from the kiosk events the consent screen wrote. */
export async function readConsentRecord(db: Kysely<Database>, sessionId: string): Promise<ConsentRecord> {
  const rows = await db
    .selectFrom('interview_kiosk_events')
    .select(['kind', 'occurred_at'])
    .where('session_id', '=', sessionId)
    .where('kind', 'in', [...CHOICES])
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at')
    .execute()
  const choices = rows.map((row) => ({ choice: row.kind as ConsentChoiceView['choice'], at: row.occurred_at }))
  return { sessionId, choices, alternativeRequested: choices.some((c) => c.choice === 'alternative_requested') }
}
