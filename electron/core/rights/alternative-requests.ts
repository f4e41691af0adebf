import type { Kysely } from 'kysely'
import type { AlternativeRequest } from '../../../shared/contract/rights'
import { declinedAiInterview } from '../../../shared/consent-choice'
import { readConsentRecord } from '../assessment/consent/consent-record'
import type { Database } from '../db/schema'

/** The candidate's interviews where they asked for an alternative process and did not go on. */
export async function alternativeRequests(db: Kysely<Database>, candidateId: string): Promise<AlternativeRequest[]> {
  const sessions = await db
    .selectFrom('interview_sessions as s')
    .innerJoin('interview_templates as t', 't.id', 's.template_id')
    .select(['s.id', 't.name'])
    .where('s.candidate_id', '=', candidateId)
    .where('s.deleted_at', 'is', null)
    .orderBy('s.id')
    .execute()
  const open: AlternativeRequest[] = []
  for (const session of sessions) {
    const record = await readConsentRecord(db, session.id)
    if (declinedAiInterview(record))
      open.push({ sessionId: session.id, templateName: session.name, requestedAt: record.choices.at(-1)!.at })
  }
  return open
}
