import type { Kysely } from 'kysely'
import type { FeedbackOption } from '../../../shared/contract/feedback'
import type { Database } from '../db/schema'

/**
 * What feedback can be written about: an application rejected after screening, and every
 * completed interview of the candidate that has an assessment.
 */
export async function feedbackOptions(db: Kysely<Database>, candidateId: string): Promise<FeedbackOption[]> {
  const rejected = await db
    .selectFrom('applications as a')
    .innerJoin('job_openings as j', 'j.id', 'a.job_id')
    .select(['a.id', 'j.title'])
    .where('a.candidate_id', '=', candidateId)
    .where('a.status', '=', 'rejected')
    .where('a.deleted_at', 'is', null)
    .orderBy('a.created_at')
    .execute()
  const assessed = await db
    .selectFrom('interview_sessions as s')
    .innerJoin('interview_templates as t', 't.id', 's.template_id')
    .leftJoin('job_openings as j', 'j.id', 't.job_id')
    .select(['s.id', 's.finished_at', 't.name', 'j.title'])
    .where('s.candidate_id', '=', candidateId)
    .where('s.status', '=', 'completed')
    .where('s.deleted_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('assessments as x')
          .select('x.id')
          .whereRef('x.session_id', '=', 's.id')
          .where('x.deleted_at', 'is', null),
      ),
    )
    .orderBy('s.started_at')
    .execute()
  return [
    ...rejected.map((a) => ({
      basis: 'screening' as const,
      applicationId: a.id,
      sessionId: null,
      jobTitle: a.title,
      label: `${a.title}: not taken further after screening`,
    })),
    ...assessed.map((s) => ({
      basis: 'assessment' as const,
      applicationId: null,
      sessionId: s.id,
      jobTitle: s.title ?? s.name,
      label: `${s.title ?? s.name}: interview assessed${s.finished_at ? ` (${new Date(s.finished_at).toISOString().slice(0, 10)})` : ''}`,
    })),
  ]
}
