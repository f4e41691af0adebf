import { sql, type Kysely, type Selectable } from 'kysely'
import { z } from 'zod'
import { StudioError } from '../../../../shared/contract/errors'
import {
  difficultySchema,
  finishReasonSchema,
  questionTypeSchema,
  type AnswerView,
  type SessionDetail,
  type SessionStatus,
  type SessionSummary,
  type SkillBoundaryView,
} from '../../../../shared/contract/interviews'
import type { Database } from '../../db/schema'
import { TRANSCRIBE_JOB } from '../../voice/transcribe-job'
import { skillLabel } from '../engine/boundaries'
import { readJson } from '../json-column'
import type { InterviewAnswersTable, InterviewSessionsTable } from '../tables'

const skillsSchema = z.array(
  z.object({
    skill: z.string(),
    highestPassed: difficultySchema.nullable(),
    lowestFailed: difficultySchema.nullable(),
    resolved: z.boolean(),
  }),
) satisfies z.ZodType<SkillBoundaryView[]>
const wordsSchema = z.array(
  z.object({ word: z.string(), start: z.number(), end: z.number(), confidence: z.number().optional() }),
)
const pausesSchema = z.array(z.object({ startMs: z.number(), durationMs: z.number() }))
const evaluationSchema = z.object({
  note: z.string().nullable().optional(),
  prompt: z.string().optional(),
  model: z.string().nullable().optional(),
})

function toSummary(row: Selectable<InterviewSessionsTable>, templateName: string): SessionSummary {
  return {
    id: row.id,
    invitationId: row.invitation_id,
    templateId: row.template_id,
    templateName,
    candidateId: row.candidate_id,
    candidateName: row.candidate_name,
    status: row.status,
    mode: row.mode,
    stage: row.stage === 'done' ? 'done' : difficultySchema.catch('standard').parse(row.stage),
    answeredCount: row.answered_count,
    startedAt: row.started_at,
    lastActivityAt: row.last_activity_at,
    finishedAt: row.finished_at,
    finishReason: row.finish_reason === null ? null : finishReasonSchema.catch('completed').parse(row.finish_reason),
  }
}

function toAnswer(row: Selectable<InterviewAnswersTable>, transcriptPending: boolean): AnswerView {
  const evaluation = readJson(row.evaluation, evaluationSchema, {})
  return {
    id: row.id,
    turnIndex: row.turn_index,
    questionId: row.question_id,
    questionText: row.question_text,
    questionType: questionTypeSchema.catch('open_voice').parse(row.question_type),
    stage: difficultySchema.catch('standard').parse(row.stage),
    skill: row.skill,
    isFollowUp: row.is_follow_up === 1,
    inputMode: row.input_mode,
    text: row.text,
    transcriptWords: readJson(row.transcript_words, wordsSchema, []),
    audioPath: row.audio_path,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    responseDelayMs: row.response_delay_ms,
    speechMs: row.speech_ms,
    pauses: readJson(row.pauses, pausesSchema, []),
    pastedChars: row.pasted_chars,
    skipped: row.skipped === 1,
    transcriptPending,
    quality: row.quality,
    qualitySource: row.quality_source,
    qualityNote: evaluation.note ?? null,
    qualityBy: evaluation.prompt ? { prompt: evaluation.prompt, model: evaluation.model ?? null } : null,
  }
}

/** Answers among `answerIds` whose transcription job is still waiting or running. */
async function pendingTranscriptions(db: Kysely<Database>, answerIds: string[]): Promise<Set<string>> {
  if (!answerIds.length) return new Set()
  const answerId = sql<string>`json_extract(payload, '$.answerId')`
  const rows = await db
    .selectFrom('jobs')
    .select(answerId.as('answer_id'))
    .where('kind', '=', TRANSCRIBE_JOB)
    .where('status', 'in', ['queued', 'running'])
    .where(answerId, 'in', answerIds)
    .execute()
  return new Set(rows.map((r) => r.answer_id))
}

/** The recruiter's read side of interview sessions and their recorded answers. */
export function createSessionsQuery(db: Kysely<Database>) {
  const templateNames = async (ids: string[]) =>
    ids.length
      ? new Map(
          (await db.selectFrom('interview_templates').select(['id', 'name']).where('id', 'in', ids).execute()).map(
            (t) => [t.id, t.name],
          ),
        )
      : new Map<string, string>()

  const sessionRow = async (id: string) => {
    const row = await db
      .selectFrom('interview_sessions')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new StudioError('not_found', 'That interview session no longer exists')
    return row
  }

  return {
    async list(filter: { templateId?: string; status: SessionStatus | 'all' }): Promise<SessionSummary[]> {
      let query = db
        .selectFrom('interview_sessions')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('started_at', 'desc')
        .limit(1000)
      if (filter.templateId) query = query.where('template_id', '=', filter.templateId)
      if (filter.status !== 'all') query = query.where('status', '=', filter.status)
      const rows = await query.execute()
      const names = await templateNames([...new Set(rows.map((r) => r.template_id))])
      return rows.map((row) => toSummary(row, names.get(row.template_id) ?? 'Deleted template'))
    },

    async summary(id: string): Promise<SessionSummary> {
      const row = await sessionRow(id)
      return toSummary(row, (await templateNames([row.template_id])).get(row.template_id) ?? 'Deleted template')
    },

    async get(id: string): Promise<SessionDetail> {
      const row = await sessionRow(id)
      const answers = await db
        .selectFrom('interview_answers')
        .selectAll()
        .where('session_id', '=', id)
        .where('deleted_at', 'is', null)
        .orderBy('turn_index')
        .execute()
      const name = (await templateNames([row.template_id])).get(row.template_id) ?? 'Deleted template'
      const pending = await pendingTranscriptions(
        db,
        answers.map((a) => a.id),
      )
      const pendingSkills = new Set(answers.filter((a) => pending.has(a.id)).map((a) => skillLabel(a.skill)))
      return {
        ...toSummary(row, name),
        templateVersion: row.template_version,
        skills: readJson(row.skills, skillsSchema, []).map((s) => ({ ...s, pending: pendingSkills.has(s.skill) })),
        answers: answers.map((a) => toAnswer(a, pending.has(a.id))),
      }
    },
  }
}

export type SessionsQuery = ReturnType<typeof createSessionsQuery>
