import { TEMPLATE_DEFAULT_SETTINGS } from '../../../../shared/contract/interviews'
import { z } from 'zod'
import {
  difficultySchema,
  finishReasonSchema,
  interviewModeSchema,
  questionTypeSchema,
  rubricCriterionSchema,
  type Difficulty,
} from '../../../../shared/contract/interviews'

/**
 * The interview engine's whole working state. It is plain JSON, rewritten in the transaction of
 * every turn, and validated when read back, so a process killed at any point resumes exactly here.
 */

export const DIFFICULTIES: readonly Difficulty[] = difficultySchema.options
export const rankOf = (difficulty: Difficulty): number => DIFFICULTIES.indexOf(difficulty)

/** A template question as it was when the session started; later template edits never reach it. */
export const plannedQuestionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  type: questionTypeSchema,
  text: z.string(),
  skill: z.string(),
  difficulty: difficultySchema,
  timeLimitSec: z.number().int(),
  prepTimeSec: z.number().int(),
  retakesAllowed: z.number().int(),
  rubric: z.array(rubricCriterionSchema),
  expectedPoints: z.array(z.string()),
})
export type PlannedQuestion = z.infer<typeof plannedQuestionSchema>

export const followUpKindSchema = z.enum(['probe', 'deepen'])
export type FollowUpKind = z.infer<typeof followUpKindSchema>

/** The question (or follow-up) in front of the candidate. */
export const turnSchema = z.object({
  index: z.number().int().min(0),
  questionId: z.string(),
  followUp: followUpKindSchema.nullable(),
  text: z.string(),
  askedAt: z.number(),
  repeats: z.number().int().min(0),
  retakesUsed: z.number().int().min(0),
})
export type Turn = z.infer<typeof turnSchema>

/** An answer that is saved but whose evaluation (and so the next step) is not decided yet. */
export const pendingAnswerSchema = z.object({
  answerId: z.string(),
  turnIndex: z.number().int(),
  skipped: z.boolean(),
  text: z.string(),
})
export type PendingAnswer = z.infer<typeof pendingAnswerSchema>

export const skillRecordSchema = z.object({
  label: z.string(),
  highestPassed: difficultySchema.nullable(),
  lowestFailed: difficultySchema.nullable(),
})
export type SkillRecord = z.infer<typeof skillRecordSchema>

const perStage = <T extends z.ZodType>(value: T) => z.object({ warm_up: value, standard: value, advanced: value })

export const engineStateSchema = z.object({
  v: z.literal(1),
  mode: interviewModeSchema,
  /** The template's name when the session started, shown at the kiosk. */
  title: z.string(),
  questions: z.array(plannedQuestionSchema),
  limits: z.object({
    maxQuestions: z.number().int().min(1),
    maxDurationMs: z.number().int().min(1),
    maxFollowUps: z.number().int().min(0),
    /** Sessions started before the setting existed keep the default. */
    answerSilenceMs: z
      .number()
      .int()
      .min(500)
      .default(TEMPLATE_DEFAULT_SETTINGS.answerSilenceSec * 1000),
  }),
  stage: z.union([difficultySchema, z.literal('done')]),
  /** Main questions asked, in order (ids into `questions`). */
  asked: z.array(z.string()),
  /** Answer qualities per stage, for deciding whether a stage goes on past its minimum. */
  stageQualities: perStage(z.array(z.number())),
  current: turnSchema.nullable(),
  pending: pendingAnswerSchema.nullable(),
  /** The main question being worked through: its qualities so far and follow-ups asked. */
  open: z
    .object({
      questionId: z.string(),
      qualities: z.array(z.number()),
      followUps: z.number().int(),
    })
    .nullable(),
  nextTurnIndex: z.number().int().min(0),
  skills: z.record(z.string(), skillRecordSchema),
  /** Interview time used so far: answering time, capped per question so a crash's downtime is not charged. */
  elapsedMs: z.number().min(0),
  startedAt: z.number(),
  lastActivityAt: z.number(),
  finished: z.object({ reason: finishReasonSchema, at: z.number() }).nullable(),
})
export type EngineState = z.infer<typeof engineStateSchema>

export function plannedQuestion(state: EngineState, id: string): PlannedQuestion {
  const question = state.questions.find((q) => q.id === id)
  if (!question) throw new Error(`Question ${id} is not part of this interview`)
  return question
}

export const skillKey = (skill: string): string => skill.trim().toLowerCase() || 'general'
