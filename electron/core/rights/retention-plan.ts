import { sql, type Kysely, type Transaction } from 'kysely'
import type { RetentionPolicy, RetentionPreview } from '../../../shared/contract/rights'
import type { Database } from '../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export const DAY_MS = 24 * 60 * 60 * 1000

/**
 * What a retention run at `now` removes. The preview and the run both call this, so the run removes
 * exactly what a preview at the same moment listed.
 *
 * A candidate's last activity is the latest change to them, their applications and status changes,
 * their notes, their interviews and the decisions on those interviews.
 */
export async function retentionPlan(db: Db, policy: RetentionPolicy, now: number): Promise<RetentionPreview> {
  const candidates =
    policy.candidateDays === null
      ? []
      : (
          await sql<{ id: string; name: string; lastActivityAt: number }>`
            select c.id, c.name, max(
              c.updated_at,
              coalesce((select max(a.updated_at) from applications a where a.candidate_id = c.id), 0),
              coalesce((select max(s.updated_at) from status_changes s
                join applications a on a.id = s.application_id where a.candidate_id = c.id), 0),
              coalesce((select max(n.updated_at) from candidate_notes n where n.candidate_id = c.id), 0),
              coalesce((select max(i.updated_at) from interview_sessions i where i.candidate_id = c.id), 0),
              coalesce((select max(d.updated_at) from assessment_decisions d
                join interview_sessions i on i.id = d.session_id where i.candidate_id = c.id), 0)
            ) as lastActivityAt
            from candidates c
            where lastActivityAt < ${now - policy.candidateDays * DAY_MS}
            order by c.id`.execute(db)
        ).rows
  const recordings =
    policy.recordingDays === null
      ? []
      : await db
          .selectFrom('interview_recordings')
          .select(['id', 'session_id as sessionId', 'path', 'started_at as startedAt'])
          // A recording still being written is never removed under the kiosk.
          .where('status', '!=', 'recording')
          .where('started_at', '<', now - policy.recordingDays * DAY_MS)
          .orderBy('id')
          .execute()
  return { policy, asOf: now, candidates, recordings }
}
