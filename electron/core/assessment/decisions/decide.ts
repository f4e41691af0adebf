import type { Kysely } from 'kysely'
import type { Decision, DecisionView } from '../../../../shared/contract/interviews/decisions'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import type { OutgoingEvents } from '../../outgoing-events'
import { moveApplication } from '../../screening/candidates/pipeline'
import { requireFinishedSession } from './finished-session'
import { readDecision } from './history'
import { statusAfterDecision } from './moves'
import { applicationOfSession } from './pipeline-link'

export interface DecideInput {
  sessionId: string
  decision: Decision
  note: string
}

/**
 * Records a recruiter's decision and moves the candidate's application in the same transaction, so
 * the pipeline never shows a move without the decision that made it (or the reverse).
 */
export async function recordDecision(
  deps: { db: Kysely<Database>; writer: SyncedWriter; author: string; outgoing: OutgoingEvents },
  input: DecideInput,
): Promise<DecisionView> {
  const { db, writer, author, outgoing } = deps
  await requireFinishedSession(db, input.sessionId)
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('assessments')
      .select('id')
      .where('session_id', '=', input.sessionId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst()
    const linked = await applicationOfSession(trx, input.sessionId)
    const to = linked ? statusAfterDecision(input.decision, linked.status) : null
    if (linked && to) await moveApplication(trx, writer, linked.applicationId, to)
    const id = await writer.insert(trx, 'assessment_decisions', {
      session_id: input.sessionId,
      assessment_id: latest?.id ?? null,
      decision: input.decision,
      note: input.note,
      author,
      application_id: linked?.applicationId ?? null,
      from_status: linked?.status ?? null,
      to_status: to,
    })
    // The note is the recruiter's own words about the candidate; it stays in the studio.
    await outgoing.record(trx, {
      type: 'decision.made',
      data: {
        decisionId: id,
        sessionId: input.sessionId,
        decision: input.decision,
        applicationId: linked?.applicationId ?? null,
        fromStatus: linked?.status ?? null,
        toStatus: to,
      },
    })
    return readDecision(trx, id)
  })
}
