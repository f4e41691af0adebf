import type { Kysely, Transaction } from 'kysely'
import type { PipelineStatus } from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import { moveApplication } from './pipeline'

/**
 * Statuses an interview moves into 'interviewing'. Any other status is a recruiter's later call
 * (rejected, offer, hired, withdrawn) that an interview starting or finishing must not undo.
 */
const BEFORE_INTERVIEW: ReadonlySet<string> = new Set<PipelineStatus>(['new', 'screened', 'shortlisted', 'maybe'])

/** The slice of the pipeline interviews use, handed to them by the composition root. */
export function interviewPipeline(db: Kysely<Database>, writer: SyncedWriter) {
  return {
    async applicationFor(jobId: string, candidateId: string): Promise<string | null> {
      const row = await db
        .selectFrom('applications as a')
        .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
        .select('a.id')
        .where('a.job_id', '=', jobId)
        .where('a.candidate_id', '=', candidateId)
        .where('a.deleted_at', 'is', null)
        .where('c.deleted_at', 'is', null)
        .executeTakeFirst()
      return row?.id ?? null
    },

    async markInterviewing(trx: Transaction<Database>, applicationId: string): Promise<void> {
      const row = await trx
        .selectFrom('applications')
        .select('status')
        .where('id', '=', applicationId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      // A removed application must not stop the candidate's interview at the kiosk.
      if (!row || !BEFORE_INTERVIEW.has(row.status)) return
      await moveApplication(trx, writer, applicationId, 'interviewing')
    },
  }
}
