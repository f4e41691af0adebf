import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** A candidate's latest finished interview for a job, with the application that puts them in its pipeline. */
export interface AssessedSession {
  sessionId: string
  candidateId: string
  candidateName: string
  finishedAt: number | null
  applicationId: string
  pipelineStatus: string
}

/**
 * Finished interviews on the job's templates whose candidate applied to the job and that have at
 * least one assessment: one per candidate, the most recently finished. An interview of someone not
 * in the job's pipeline is left out, as there is no application for the recruiter to move.
 */
export async function assessedSessionsOfJob(db: Kysely<Database>, jobId: string): Promise<AssessedSession[]> {
  const rows = await db
    .selectFrom('interview_sessions as s')
    .innerJoin('interview_templates as t', 't.id', 's.template_id')
    .innerJoin('applications as a', (join) =>
      join.onRef('a.candidate_id', '=', 's.candidate_id').on('a.job_id', '=', jobId).on('a.deleted_at', 'is', null),
    )
    .select([
      's.id as sessionId',
      's.candidate_id as candidateId',
      's.candidate_name as candidateName',
      's.finished_at as finishedAt',
      'a.id as applicationId',
      'a.status as pipelineStatus',
    ])
    .where('t.job_id', '=', jobId)
    .where('s.status', '=', 'completed')
    .where('s.deleted_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('assessments as x')
          .select('x.id')
          .whereRef('x.session_id', '=', 's.id')
          .where('x.deleted_at', 'is', null),
      ),
    )
    .orderBy('s.finished_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute()
  const latest = new Map<string, AssessedSession>()
  for (const row of rows) if (!latest.has(row.candidateId)) latest.set(row.candidateId, row)
  return [...latest.values()]
}
