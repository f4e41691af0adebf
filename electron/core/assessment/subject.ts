import type { Kysely } from 'kysely'
import { z } from 'zod'
import { StudioError } from '../../../shared/contract/errors'
import { difficultySchema, type Difficulty, type SkillBoundaryView } from '../../../shared/contract/interviews'
import type { Database } from '../db/schema'
import { engineStateSchema, type PlannedQuestion } from '../interviews/engine/state'
import { readJson } from '../interviews/json-column'
import type { IntegrityAnswer, KioskEvent } from './integrity/inputs'
import { boundariesSchema } from './stored-json'

/** One answer as the assessment sees it: what was asked, against which rubric, and what was said. */
export interface SubjectAnswer extends IntegrityAnswer {
  id: string
  questionText: string
  skill: string
  isFollowUp: boolean
  difficulty: Difficulty
  /** The planned question it answers (a follow-up's main question), with its rubric; null if unknown. */
  question: PlannedQuestion | null
}

/** Everything an assessment of one finished interview reads, loaded once per run. */
export interface AssessmentSubject {
  sessionId: string
  candidateId: string
  /** The interview's title (its template's name when it started), used as the role. */
  title: string
  /** `template:<id>@v<version>`: the rubric the answers are judged against. */
  rubricRef: string
  boundaries: SkillBoundaryView[]
  answers: SubjectAnswer[]
  events: KioskEvent[]
}

const pausesSchema = z.array(z.unknown())

export async function loadSubject(db: Kysely<Database>, sessionId: string): Promise<AssessmentSubject> {
  const session = await db
    .selectFrom('interview_sessions')
    .select(['id', 'template_id', 'template_version', 'candidate_id', 'skills', 'status'])
    .where('id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!session) throw new StudioError('not_found', 'No such interview')
  const stateRow = await db
    .selectFrom('interview_session_state')
    .select('state')
    .where('session_id', '=', sessionId)
    .executeTakeFirst()
  const state = readJson(stateRow?.state ?? null, engineStateSchema, null)
  const planned = new Map((state?.questions ?? []).map((q) => [q.id, q]))
  const rows = await db
    .selectFrom('interview_answers')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .orderBy('turn_index')
    .execute()
  const events = await db
    .selectFrom('interview_kiosk_events')
    .select(['kind', 'turn_index', 'amount', 'occurred_at'])
    .where('session_id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at')
    .execute()
  return {
    sessionId,
    candidateId: session.candidate_id,
    title: state?.title ?? 'the role',
    rubricRef: `template:${session.template_id}@v${session.template_version}`,
    boundaries: readJson(session.skills, boundariesSchema, []),
    answers: rows.map((row) => {
      const question = row.question_id ? (planned.get(row.question_id) ?? null) : null
      return {
        id: row.id,
        turnIndex: row.turn_index,
        questionText: row.question_text,
        skill: row.skill,
        isFollowUp: row.is_follow_up === 1,
        difficulty: question?.difficulty ?? difficultySchema.safeParse(row.stage).data ?? 'standard',
        question,
        inputMode: row.input_mode,
        text: row.text,
        skipped: row.skipped === 1,
        responseDelayMs: row.response_delay_ms,
        speechMs: row.speech_ms,
        pauses: readJson(row.pauses, pausesSchema, []).length,
        pastedChars: row.pasted_chars,
      }
    }),
    events: events.map((e) => ({ kind: e.kind, turnIndex: e.turn_index, amount: e.amount, occurredAt: e.occurred_at })),
  }
}
