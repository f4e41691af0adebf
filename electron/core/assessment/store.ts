import type { Kysely, Selectable, Transaction } from 'kysely'
import type { AnswerScoreView, AssessmentView, IntegritySignalView } from '../../../shared/contract/interviews'
import { integritySignalKindSchema } from '../../../shared/contract/interviews'
import { NANO_PER_USD } from '../ai/accounting/prices'
import type { Database } from '../db/schema'
import type { SyncedWriter } from '../db/synced'
import { readJson } from '../interviews/json-column'
import type { AssessmentDraft } from './draft'
import {
  boundariesSchema,
  claimsSchema,
  consistencySchema,
  passesSchema,
  quotesSchema,
  skillScoresSchema,
  stringsSchema,
} from './stored-json'
import type { AssessmentsTable } from './tables'

/* Rows are written once, in one transaction per run, and never updated. */

/** Writes one run: the assessment, its per-answer scores and its integrity signals. */
export async function insertAssessment(
  trx: Transaction<Database>,
  writer: SyncedWriter,
  sessionId: string,
  runKey: string,
  draft: AssessmentDraft,
): Promise<string> {
  const assessmentId = await writer.insert(trx, 'assessments', {
    session_id: sessionId,
    run_key: runKey,
    kind: draft.kind,
    rubric_version: draft.rubricVersion,
    prompt_version: draft.promptVersion,
    model: draft.model,
    temperature: draft.temperature,
    overall_score: draft.overallScore,
    formula: draft.formula,
    recommendation: draft.recommendation,
    strengths: JSON.stringify(draft.strengths),
    weaknesses: JSON.stringify(draft.weaknesses),
    next_steps: JSON.stringify(draft.nextSteps),
    skills: JSON.stringify(draft.skills),
    boundaries: JSON.stringify(draft.boundaries),
    consistency: JSON.stringify(draft.consistency),
    passes: JSON.stringify(draft.passes),
    cost_nano: draft.passes.reduce((sum, p) => sum + p.costNano, 0),
  })
  for (const answer of draft.answers) {
    for (const score of answer.scores) {
      await writer.insert(trx, 'assessment_answer_scores', {
        assessment_id: assessmentId,
        answer_id: answer.answerId,
        turn_index: answer.turnIndex,
        question_text: answer.questionText,
        skill: answer.skill,
        is_follow_up: answer.isFollowUp ? 1 : 0,
        skipped: answer.skipped ? 1 : 0,
        dimension: score.dimension,
        score: score.score,
        reason: score.reason,
        quotes: JSON.stringify(score.quotes),
        supported: score.supported ? 1 : 0,
        dropped_quotes: score.droppedQuotes,
      })
    }
  }
  for (const signal of draft.integrity) {
    await writer.insert(trx, 'assessment_integrity_signals', {
      assessment_id: assessmentId,
      session_id: sessionId,
      kind: signal.kind,
      severity: signal.severity,
      turn_index: signal.turnIndex,
      evidence: signal.evidence,
      occurred_at: signal.occurredAt,
    })
  }
  return assessmentId
}

async function answersOf(db: Kysely<Database>, assessmentIds: string[]): Promise<Map<string, AnswerScoreView[]>> {
  const rows = assessmentIds.length
    ? await db
        .selectFrom('assessment_answer_scores')
        .selectAll()
        .where('assessment_id', 'in', assessmentIds)
        .where('deleted_at', 'is', null)
        .orderBy('turn_index')
        .orderBy('created_at')
        .execute()
    : []
  const result = new Map<string, AnswerScoreView[]>()
  for (const row of rows) {
    const answers = result.get(row.assessment_id) ?? []
    let answer = answers.find((a) => a.answerId === row.answer_id)
    if (!answer) {
      answer = {
        answerId: row.answer_id,
        turnIndex: row.turn_index,
        questionText: row.question_text,
        skill: row.skill,
        isFollowUp: row.is_follow_up === 1,
        skipped: row.skipped === 1,
        scores: [],
      }
      answers.push(answer)
    }
    answer.scores.push({
      dimension: row.dimension,
      score: row.score,
      reason: row.reason,
      quotes: readJson(row.quotes, quotesSchema, []),
      supported: row.supported === 1,
      droppedQuotes: row.dropped_quotes,
    })
    result.set(row.assessment_id, answers)
  }
  return result
}

async function signalsOf(db: Kysely<Database>, assessmentIds: string[]): Promise<Map<string, IntegritySignalView[]>> {
  const rows = assessmentIds.length
    ? await db
        .selectFrom('assessment_integrity_signals')
        .selectAll()
        .where('assessment_id', 'in', assessmentIds)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .execute()
    : []
  const result = new Map<string, IntegritySignalView[]>()
  for (const row of rows) {
    const kind = integritySignalKindSchema.safeParse(row.kind)
    if (!kind.success) continue
    const list = result.get(row.assessment_id) ?? []
    list.push({
      kind: kind.data,
      severity: row.severity,
      turnIndex: row.turn_index,
      evidence: row.evidence,
      occurredAt: row.occurred_at,
    })
    result.set(row.assessment_id, list)
  }
  return result
}

function toView(
  row: Selectable<AssessmentsTable>,
  answers: AnswerScoreView[],
  integrity: IntegritySignalView[],
): AssessmentView {
  const passes = readJson(row.passes, passesSchema, [])
  return {
    id: row.id,
    sessionId: row.session_id,
    kind: row.kind,
    createdAt: row.created_at,
    rubricVersion: row.rubric_version,
    promptVersion: row.prompt_version,
    model: row.model,
    temperature: row.temperature,
    overallScore: row.overall_score,
    formula: row.formula,
    recommendation: row.recommendation,
    strengths: readJson(row.strengths, claimsSchema, []),
    weaknesses: readJson(row.weaknesses, claimsSchema, []),
    nextSteps: readJson(row.next_steps, stringsSchema, []),
    answers,
    skills: readJson(row.skills, skillScoresSchema, []),
    boundaries: readJson(row.boundaries, boundariesSchema, []),
    consistency: readJson(row.consistency, consistencySchema, []),
    passes: passes.map(({ costNano, ...rest }) => ({ ...rest, costUsd: costNano / NANO_PER_USD })),
    costUsd: row.cost_nano / NANO_PER_USD,
    integrity,
  }
}

/** Every assessment of a session, newest first (the order they were made in, by their time-ordered ids). */
export async function readAssessments(db: Kysely<Database>, sessionId: string): Promise<AssessmentView[]> {
  const rows = await db
    .selectFrom('assessments')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const ids = rows.map((r) => r.id)
  const [answers, signals] = await Promise.all([answersOf(db, ids), signalsOf(db, ids)])
  return rows.map((row) => toView(row, answers.get(row.id) ?? [], signals.get(row.id) ?? []))
}
