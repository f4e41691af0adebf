import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import type { AdverseImpactReport } from '../../../shared/contract/fairness'
import type { Database } from '../db/schema'
import { latestInterviewsOfJob } from '../exports/latest-interviews'
import { FOUR_FIFTHS, impactTables, MIN_OVERALL, MIN_PER_CATEGORY, type Applicant } from './impact'
import { answersOf } from './self-identification'
import { stageOutcomes, STAGE_RULES } from './stages'

/** The job's adverse-impact report: each applicant's stage outcomes counted under their own answers. */
export async function adverseImpactReport(db: Kysely<Database>, jobId: string): Promise<AdverseImpactReport> {
  const job = await db
    .selectFrom('job_openings')
    .select('title')
    .where('id', '=', jobId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!job) throw new StudioError('not_found', 'That job no longer exists')

  const applications = await db
    .selectFrom('applications as a')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .leftJoin('self_identifications as i', 'i.candidate_id', 'a.candidate_id')
    .select(['a.id', 'a.candidate_id', 'a.status', 'i.sex', 'i.race', 'i.age_band'])
    .where('a.job_id', '=', jobId)
    .where('a.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .execute()
  const [changes, interviews] = await Promise.all([
    applications.length
      ? db
          .selectFrom('status_changes')
          .select(['application_id', 'to_status', 'kind'])
          .where(
            'application_id',
            'in',
            applications.map((a) => a.id),
          )
          .where('deleted_at', 'is', null)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : [],
    latestInterviewsOfJob(db, jobId),
  ])

  const changesOf = new Map<string, { to: string; kind: 'import' | 'set' | 'undo' }[]>()
  for (const c of changes) {
    const list = changesOf.get(c.application_id) ?? changesOf.set(c.application_id, []).get(c.application_id)!
    list.push({ to: c.to_status, kind: c.kind })
  }
  const applicants: Applicant[] = applications.map((a) => {
    const interview = interviews.get(a.candidate_id)
    return {
      answers: answersOf(a),
      stages: stageOutcomes({
        status: a.status,
        changes: changesOf.get(a.id) ?? [],
        interviewed: interview !== undefined,
        decision: interview?.decision ?? null,
      }),
    }
  })
  return {
    jobId,
    jobTitle: job.title,
    applicants: applicants.length,
    rules: { fourFifths: FOUR_FIFTHS, minPerCategory: MIN_PER_CATEGORY, minOverall: MIN_OVERALL },
    stageRules: STAGE_RULES,
    tables: impactTables(applicants),
  }
}
