import type { Kysely } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { OverrideInput, ScoreOverrideView } from '../../../../shared/contract/interviews/decisions'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import { readOverride } from './history'

/** The score the assessment itself gave the target, or a clear refusal when it gave none. */
async function assessedScore(
  db: Kysely<Database>,
  input: OverrideInput,
): Promise<{ sessionId: string; score: number }> {
  const assessment = await db
    .selectFrom('assessments')
    .select(['session_id', 'overall_score'])
    .where('id', '=', input.assessmentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!assessment) throw new StudioError('not_found', 'This assessment no longer exists')
  if (input.target === 'overall') return { sessionId: assessment.session_id, score: assessment.overall_score }
  const row = await db
    .selectFrom('assessment_answer_scores')
    .select('score')
    .where('assessment_id', '=', input.assessmentId)
    .where('answer_id', '=', input.answerId)
    .where('dimension', '=', input.dimension)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row)
    throw new StudioError('not_found', `This assessment gave that answer no ${input.dimension} score to override`)
  return { sessionId: assessment.session_id, score: row.score }
}

/**
 * Keeps a recruiter's replacement for one score beside the score the assessment gave. The
 * assessment's own rows stay as they were written: an override is a new row, so the evidence and
 * every change to it can be shown side by side.
 */
export async function recordOverride(
  deps: { db: Kysely<Database>; writer: SyncedWriter; author: string },
  input: OverrideInput,
): Promise<ScoreOverrideView> {
  const { db, writer, author } = deps
  const assessed = await assessedScore(db, input)
  return db.transaction().execute(async (trx) => {
    const id = await writer.insert(trx, 'assessment_score_overrides', {
      session_id: assessed.sessionId,
      assessment_id: input.assessmentId,
      answer_id: input.target === 'answer' ? input.answerId : null,
      dimension: input.target === 'answer' ? input.dimension : 'overall',
      original_score: assessed.score,
      score: input.score,
      reason: input.reason,
      author,
    })
    return readOverride(trx, id)
  })
}
