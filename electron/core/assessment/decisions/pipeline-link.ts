import type { Kysely, Transaction } from 'kysely'
import { pipelineStatusSchema, type PipelineStatus } from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'

export interface LinkedApplication {
  applicationId: string
  status: PipelineStatus
}

/**
 * The application an interview belongs to: the candidate's application for the job of the
 * interview's template. Null when the template has no job or the candidate never applied to it
 * (an invitation may name anyone), and then a decision moves nothing.
 */
export async function applicationOfSession(
  db: Kysely<Database> | Transaction<Database>,
  sessionId: string,
): Promise<LinkedApplication | null> {
  const row = await db
    .selectFrom('interview_sessions as s')
    .innerJoin('interview_templates as t', 't.id', 's.template_id')
    .innerJoin('applications as a', (join) =>
      join.onRef('a.job_id', '=', 't.job_id').onRef('a.candidate_id', '=', 's.candidate_id'),
    )
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .select(['a.id', 'a.status'])
    .where('s.id', '=', sessionId)
    .where('a.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  const status = pipelineStatusSchema.safeParse(row.status)
  return status.success ? { applicationId: row.id, status: status.data } : null
}
