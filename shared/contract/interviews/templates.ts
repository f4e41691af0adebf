import { z } from 'zod'
import { request } from '../define'
import { id, line } from './fields'
import type { GenerationResult, PickerOption, TemplateDetail, TemplateSummary } from './views'

/** Interview templates and their questions, written by hand or generated. */

export const questionTypeSchema = z.enum(['open_voice', 'video', 'technical', 'behavioural_star'])
export type QuestionType = z.infer<typeof questionTypeSchema>

/** Question difficulty, which is also the interview stage a question belongs to. */
export const difficultySchema = z.enum(['warm_up', 'standard', 'advanced'])
export type Difficulty = z.infer<typeof difficultySchema>

export const templateStatusSchema = z.enum(['draft', 'active', 'archived'])
export type TemplateStatus = z.infer<typeof templateStatusSchema>

export const rubricCriterionSchema = z
  .object({
    name: line(1, 80),
    description: z.string().trim().max(400).default(''),
    weight: z.number().int().min(1).max(5).default(3),
  })
  .strict()
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>

export const QUESTION_LIMITS = {
  textMax: 1000,
  timeLimitSec: { min: 15, max: 1200, default: 120 },
  prepTimeSec: { min: 0, max: 300, default: 0 },
  retakes: { min: 0, max: 3, default: 0 },
  rubricMax: 8,
  expectedPointsMax: 10,
} as const

const questionFields = {
  type: questionTypeSchema,
  text: line(5, QUESTION_LIMITS.textMax),
  /** The skill the question probes; per-skill boundaries are tracked by this name ('' = general). */
  skill: z.string().trim().max(80),
  difficulty: difficultySchema,
  timeLimitSec: z.number().int().min(QUESTION_LIMITS.timeLimitSec.min).max(QUESTION_LIMITS.timeLimitSec.max),
  prepTimeSec: z.number().int().min(QUESTION_LIMITS.prepTimeSec.min).max(QUESTION_LIMITS.prepTimeSec.max),
  retakesAllowed: z.number().int().min(QUESTION_LIMITS.retakes.min).max(QUESTION_LIMITS.retakes.max),
  rubric: z.array(rubricCriterionSchema).max(QUESTION_LIMITS.rubricMax),
  /** Points a good answer covers; they guide the AI evaluation and the offline heuristic. */
  expectedPoints: z.array(line(1, 200)).max(QUESTION_LIMITS.expectedPointsMax),
}

export const questionInputSchema = z
  .object({
    type: questionFields.type.default('open_voice'),
    text: questionFields.text,
    skill: questionFields.skill.default(''),
    difficulty: questionFields.difficulty.default('standard'),
    timeLimitSec: questionFields.timeLimitSec.default(QUESTION_LIMITS.timeLimitSec.default),
    prepTimeSec: questionFields.prepTimeSec.default(QUESTION_LIMITS.prepTimeSec.default),
    retakesAllowed: questionFields.retakesAllowed.default(QUESTION_LIMITS.retakes.default),
    rubric: questionFields.rubric.default([]),
    expectedPoints: questionFields.expectedPoints.default([]),
  })
  .strict()
export type QuestionInput = z.input<typeof questionInputSchema>

export const questionPatchSchema = z
  .object({
    type: questionFields.type.optional(),
    text: questionFields.text.optional(),
    skill: questionFields.skill.optional(),
    difficulty: questionFields.difficulty.optional(),
    timeLimitSec: questionFields.timeLimitSec.optional(),
    prepTimeSec: questionFields.prepTimeSec.optional(),
    retakesAllowed: questionFields.retakesAllowed.optional(),
    rubric: questionFields.rubric.optional(),
    expectedPoints: questionFields.expectedPoints.optional(),
  })
  .strict()
export type QuestionPatch = z.infer<typeof questionPatchSchema>

export const TEMPLATE_DEFAULT_SETTINGS = {
  maxQuestions: 16,
  maxDurationMinutes: 45,
  maxFollowUps: 1,
  answerSilenceSec: 2.5,
} as const
/** Choices for the silence that ends a spoken answer; in-depth questions wait a second longer. */
export const ANSWER_SILENCE_CHOICES = [1.5, 2, 2.5, 3, 4, 5, 6] as const

/** The template's limits, each as given; a patch names only the ones it changes. */
const templateSettingFields = z
  .object({
    /** Main questions (follow-ups not counted). */
    maxQuestions: z.number().int().min(1).max(30),
    maxDurationMinutes: z.number().int().min(5).max(180),
    /** Follow-ups the interviewer may ask after one main question. */
    maxFollowUps: z.number().int().min(0).max(2),
    /** Silence after speech that ends a spoken answer the candidate has not ended themselves. */
    answerSilenceSec: z
      .number()
      .refine((sec) => (ANSWER_SILENCE_CHOICES as readonly number[]).includes(sec), 'not one of the offered pauses'),
  })
  .strict()

/**
 * Limits the interview engine respects for every session of the template. Defaults fill what a new
 * template leaves out; a patch never gets them (zod 4 applies a default even inside .partial(), which
 * would reset every setting a patch does not name).
 */
export const templateSettingsSchema = z
  .object({
    maxQuestions: templateSettingFields.shape.maxQuestions.default(TEMPLATE_DEFAULT_SETTINGS.maxQuestions),
    maxDurationMinutes: templateSettingFields.shape.maxDurationMinutes.default(
      TEMPLATE_DEFAULT_SETTINGS.maxDurationMinutes,
    ),
    maxFollowUps: templateSettingFields.shape.maxFollowUps.default(TEMPLATE_DEFAULT_SETTINGS.maxFollowUps),
    answerSilenceSec: templateSettingFields.shape.answerSilenceSec.default(TEMPLATE_DEFAULT_SETTINGS.answerSilenceSec),
  })
  .strict()
export type TemplateSettings = z.infer<typeof templateSettingsSchema>

export const templateInputSchema = z
  .object({
    name: line(1, 120),
    description: z.string().trim().max(2000).default(''),
    jobId: id.nullable().default(null),
    settings: templateSettingsSchema.default({ ...TEMPLATE_DEFAULT_SETTINGS }),
  })
  .strict()
export type TemplateInput = z.input<typeof templateInputSchema>

export const templatePatchSchema = z
  .object({
    name: line(1, 120).optional(),
    description: z.string().trim().max(2000).optional(),
    jobId: id.nullable().optional(),
    settings: templateSettingFields.partial().optional(),
  })
  .strict()
export type TemplatePatch = z.infer<typeof templatePatchSchema>

export const templateRequests = {
  'templates.list': request<TemplateSummary[]>()(
    z.object({ status: z.union([templateStatusSchema, z.literal('all')]).default('all') }).strict(),
  ),
  'templates.get': request<TemplateDetail>()(z.object({ id }).strict()),
  'templates.create': request<TemplateDetail>()(templateInputSchema),
  'templates.update': request<TemplateDetail>()(z.object({ id, patch: templatePatchSchema }).strict()),
  'templates.publish': request<TemplateDetail>()(z.object({ id }).strict()),
  'templates.archive': request<TemplateDetail>()(z.object({ id }).strict()),
  'templates.duplicate': request<TemplateDetail>()(z.object({ id }).strict()),
  'templates.jobOptions': request<PickerOption[]>()(z.object({ search: z.string().max(100).default('') }).strict()),
  'questions.add': request<TemplateDetail>()(z.object({ templateId: id, question: questionInputSchema }).strict()),
  'questions.update': request<TemplateDetail>()(z.object({ id, patch: questionPatchSchema }).strict()),
  'questions.remove': request<TemplateDetail>()(z.object({ id }).strict()),
  'questions.reorder': request<TemplateDetail>()(
    z.object({ templateId: id, order: z.array(id).min(1).max(200) }).strict(),
  ),
  'questions.generate': request<GenerationResult>()(
    z
      .object({
        templateId: id,
        difficulty: difficultySchema,
        count: z.number().int().min(1).max(10).optional(),
        /** Tailor the questions to this candidate's resume (read as untrusted data). */
        candidateId: id.optional(),
      })
      .strict(),
  ),
}
