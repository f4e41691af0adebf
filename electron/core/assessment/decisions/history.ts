import type { Kysely, Selectable, Transaction } from 'kysely'
import {
  decisionSchema,
  overrideDimensionSchema,
  type DecisionView,
  type ScoreOverrideView,
  type SessionDecisions,
} from '../../../../shared/contract/interviews/decisions'
import { pipelineStatusSchema } from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'
import { movesFrom } from './moves'
import { applicationOfSession } from './pipeline-link'
import type { AssessmentDecisionsTable, AssessmentScoreOverridesTable } from './tables'

type Reader = Kysely<Database> | Transaction<Database>

export function decisionView(row: Selectable<AssessmentDecisionsTable>): DecisionView {
  const from = pipelineStatusSchema.nullable().catch(null).parse(row.from_status)
  const to = pipelineStatusSchema.nullable().catch(null).parse(row.to_status)
  return {
    id: row.id,
    sessionId: row.session_id,
    assessmentId: row.assessment_id,
    decision: decisionSchema.parse(row.decision),
    note: row.note,
    author: row.author,
    createdAt: row.created_at,
    pipeline: row.application_id && to ? { applicationId: row.application_id, from, to } : null,
  }
}

export function overrideView(row: Selectable<AssessmentScoreOverridesTable>): ScoreOverrideView {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    answerId: row.answer_id,
    dimension: row.dimension === 'overall' ? 'overall' : overrideDimensionSchema.parse(row.dimension),
    originalScore: row.original_score,
    score: row.score,
    reason: row.reason,
    author: row.author,
    createdAt: row.created_at,
  }
}

export async function readDecision(db: Reader, id: string): Promise<DecisionView> {
  return decisionView(
    await db.selectFrom('assessment_decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  )
}

export async function readOverride(db: Reader, id: string): Promise<ScoreOverrideView> {
  return overrideView(
    await db.selectFrom('assessment_score_overrides').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  )
}

/** Every decision and override on an interview, newest first (ids are time-ordered), and where the candidate stands. */
export async function readSessionDecisions(db: Kysely<Database>, sessionId: string): Promise<SessionDecisions> {
  const [decisions, overrides, linked] = await Promise.all([
    db
      .selectFrom('assessment_decisions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('assessment_score_overrides')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    applicationOfSession(db, sessionId),
  ])
  return {
    sessionId,
    decisions: decisions.map(decisionView),
    overrides: overrides.map(overrideView),
    pipeline: linked ? { ...linked, moves: movesFrom(linked.status) } : null,
  }
}
