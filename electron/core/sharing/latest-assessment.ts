import type { Kysely } from 'kysely'
import type { AssessmentView } from '../../../shared/contract/interviews/assessments'
import { readAssessments } from '../assessment/store'
import type { Database } from '../db/schema'

/** The candidate's newest assessment across their interviews (the last interview assessed), or null. */
export async function latestAssessment(db: Kysely<Database>, candidateId: string): Promise<AssessmentView | null> {
  const sessions = await db
    .selectFrom('interview_sessions')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .orderBy('started_at', 'desc')
    .execute()
  for (const session of sessions) {
    const [newest] = await readAssessments(db, session.id)
    if (newest) return newest
  }
  return null
}
