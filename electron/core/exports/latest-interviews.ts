import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** What a candidate's latest finished interview for a job came to, each part null when absent. */
export interface InterviewOutcome {
  sessionId: string
  overallScore: number | null
  recommendation: 'hire' | 'consider' | 'reject' | null
  decision: 'advance' | 'hold' | 'reject' | null
}

/**
 * Per candidate, their most recently finished interview on one of the job's templates, with its
 * newest assessment and the decision that stands (the newest). Neither is required: an interview
 * not yet assessed or decided still shows that it happened.
 */
export async function latestInterviewsOfJob(
  db: Kysely<Database>,
  jobId: string,
): Promise<Map<string, InterviewOutcome>> {
  const sessions = await db
    .selectFrom('interview_sessions as s')
    .innerJoin('interview_templates as t', 't.id', 's.template_id')
    .select(['s.id', 's.candidate_id'])
    .where('t.job_id', '=', jobId)
    .where('s.status', '=', 'completed')
    .where('s.deleted_at', 'is', null)
    .orderBy('s.finished_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute()
  const latest = new Map<string, string>()
  for (const s of sessions) if (!latest.has(s.candidate_id)) latest.set(s.candidate_id, s.id)
  const ids = [...latest.values()]
  if (!ids.length) return new Map()

  const [assessments, decisions] = await Promise.all([
    db
      .selectFrom('assessments')
      .select(['session_id', 'overall_score', 'recommendation'])
      .where('session_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('assessment_decisions')
      .select(['session_id', 'decision'])
      .where('session_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ])
  const outcomes = new Map<string, InterviewOutcome>()
  for (const [candidateId, sessionId] of latest) {
    const assessment = assessments.find((a) => a.session_id === sessionId)
    outcomes.set(candidateId, {
      sessionId,
      overallScore: assessment?.overall_score ?? null,
      recommendation: assessment?.recommendation ?? null,
      decision: decisions.find((d) => d.session_id === sessionId)?.decision ?? null,
    })
  }
  return outcomes
}
