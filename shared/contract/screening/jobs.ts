import { z } from 'zod'
import { request } from '../define'
import { MAX_ALTERNATIVES } from './alternatives'
import { id, shortText } from './fields'
import type { JobOpeningView, PostingAsks, RerankPreview, RerankSummary, SkillSuggestion } from './views'

export { MAX_ALTERNATIVES }

/** Job openings: what a job asks for and how its candidates are weighed. */

export const educationLevelSchema = z.enum(['none', 'high_school', 'associate', 'bachelor', 'master', 'doctorate'])
export type EducationLevelName = z.infer<typeof educationLevelSchema>

export const openingStatusSchema = z.enum(['open', 'closed', 'archived'])
export type OpeningStatus = z.infer<typeof openingStatusSchema>

export const employmentTypeSchema = z.enum(['full_time', 'part_time', 'contract', 'temporary', 'internship'])
export type EmploymentType = z.infer<typeof employmentTypeSchema>
const skillIdField = z.string().trim().min(1).max(80)
const skillNameField = z.string().trim().min(1).max(80)

/**
 * A skill a job asks for. Taxonomy skills have their taxonomy id; others are `custom:<slug>`.
 * `alternatives` are skills that do as well ("Figma or Adobe XD"): a candidate with any one has it.
 */
export const jobSkillSchema = z
  .object({
    skillId: skillIdField,
    name: skillNameField,
    weight: z.number().int().min(1).max(5).default(3),
    alternatives: z
      .array(z.object({ skillId: skillIdField, name: skillNameField }).strict())
      .min(1)
      .max(MAX_ALTERNATIVES)
      .optional(),
  })
  .strict()
export type JobSkill = z.infer<typeof jobSkillSchema>

/** The skill and its alternatives, as a recruiter reads them: "Figma or Adobe XD". */
export const skillLabel = (skill: { name: string; alternatives?: readonly { name: string }[] | undefined }) =>
  [skill.name, ...(skill.alternatives ?? []).map((alternative) => alternative.name)].join(' or ')

/** Every skill id that answers for this skill: its own and its alternatives'. */
export const skillIdsOf = (skill: Pick<JobSkill, 'skillId' | 'alternatives'>) => [
  skill.skillId,
  ...(skill.alternatives ?? []).map((alternative) => alternative.skillId),
]

/**
 * How much each part counts towards the 0-100 score; parts that do not apply are left out and the
 * rest rescaled. The embeddings similarity is deliberately not a part: the score means the same
 * offline and online, and semantic similarity is shown beside it as an extra signal.
 */
export const scoreWeightsSchema = z
  .object({
    requiredSkills: z.number().min(0).max(100),
    preferredSkills: z.number().min(0).max(100),
    text: z.number().min(0).max(100),
    experience: z.number().min(0).max(100),
    education: z.number().min(0).max(100),
  })
  .strict()
export type ScoreWeights = z.infer<typeof scoreWeightsSchema>

/**
 * Role fit first: on our labeled sets (bench/ranking.ts) the text and title match and the skills
 * tell the right people apart; years and degree are checks a recruiter reads beside the score. The
 * text leads: a posting names skills the taxonomy reads only in part, and its words say the rest.
 */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  requiredSkills: 20,
  preferredSkills: 5,
  text: 65,
  experience: 5,
  education: 5,
}

const skillList = z.array(jobSkillSchema).max(60)

const salary = z.number().int().min(0).max(100_000_000).nullable()
const currency = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'Currency is a three-letter code such as USD')
const minYears = z.number().min(0).max(50)

const salaryInOrder = (job: { salaryMin?: number | null; salaryMax?: number | null }) =>
  job.salaryMin == null || job.salaryMax == null || job.salaryMin <= job.salaryMax
const salaryRule = { message: 'The lowest salary must not be above the highest', path: ['salaryMin'] }

export const jobInputSchema = z
  .object({
    title: z.string().trim().min(1, 'A job needs a title').max(200),
    department: shortText(100).default(''),
    location: shortText(100).default(''),
    employmentType: employmentTypeSchema.default('full_time'),
    salaryMin: salary.default(null),
    salaryMax: salary.default(null),
    salaryCurrency: currency.default('USD'),
    description: shortText(20_000).default(''),
    requirements: shortText(20_000).default(''),
    requiredSkills: skillList.default([]),
    preferredSkills: skillList.default([]),
    minYears: minYears.default(0),
    educationLevel: educationLevelSchema.default('none'),
    weights: scoreWeightsSchema.default(DEFAULT_SCORE_WEIGHTS),
  })
  .strict()
  .refine(salaryInOrder, salaryRule)
export type JobInput = z.input<typeof jobInputSchema>

const jobPatchFields = z
  .object({
    title: z.string().trim().min(1, 'A job needs a title').max(200).optional(),
    department: shortText(100).optional(),
    location: shortText(100).optional(),
    employmentType: employmentTypeSchema.optional(),
    salaryMin: salary.optional(),
    salaryMax: salary.optional(),
    salaryCurrency: currency.optional(),
    description: shortText(20_000).optional(),
    requirements: shortText(20_000).optional(),
    requiredSkills: skillList.optional(),
    preferredSkills: skillList.optional(),
    minYears: minYears.optional(),
    educationLevel: educationLevelSchema.optional(),
    weights: scoreWeightsSchema.optional(),
  })
  .strict()

/** An edit carries only the fields that change; defaults never overwrite stored values. */
export const jobPatchSchema = jobPatchFields.refine(salaryInOrder, salaryRule)
export type JobPatch = z.infer<typeof jobPatchSchema>

/**
 * The parts of a job's draft that scoring reads, for a preview while the form is being edited. Only
 * these are taken, so a draft with a problem elsewhere (a salary out of order, an empty title) still
 * previews.
 */
export const scoringDraftSchema = jobPatchFields
  .pick({
    description: true,
    requirements: true,
    requiredSkills: true,
    preferredSkills: true,
    minYears: true,
    educationLevel: true,
    weights: true,
  })
  .extend({ title: z.string().trim().max(200).optional() })
  .strict()
export type ScoringDraft = z.infer<typeof scoringDraftSchema>

/** The most rows a preview names; the top it compares (entered, left) is the same size. */
export const PREVIEW_TOP_MAX = 50

export const jobRequests = {
  'jobs.list': request<JobOpeningView[]>()(
    z
      .object({
        status: z.union([openingStatusSchema, z.literal('all')]).default('open'),
        department: shortText(100).optional(),
        location: shortText(100).optional(),
        search: shortText(100).optional(),
      })
      .strict(),
  ),
  'jobs.facets': request<{ departments: string[]; locations: string[] }>()(z.object({}).strict()),
  'jobs.get': request<JobOpeningView>()(z.object({ id }).strict()),
  'jobs.create': request<JobOpeningView>()(jobInputSchema),
  'jobs.update': request<{ job: JobOpeningView; rerank: RerankSummary }>()(
    z.object({ id, patch: jobPatchSchema }).strict(),
  ),
  'jobs.rerankPreview': request<RerankPreview>()(
    z
      .object({
        id,
        draft: scoringDraftSchema,
        top: z.number().int().min(1).max(PREVIEW_TOP_MAX).default(10),
      })
      .strict(),
  ),
  'jobs.setStatus': request<JobOpeningView>()(z.object({ id, status: openingStatusSchema }).strict()),
  // The title apart from the posting's text: what it names is required, and the text's opening is its own.
  'jobs.suggestSkills': request<SkillSuggestion[]>()(
    z.object({ title: z.string().max(200).default(''), text: z.string().max(40_000) }).strict(),
  ),
  // The least years and the education a posting's text asks for, as `panelist screen` reads a job.md.
  'jobs.readPosting': request<PostingAsks>()(z.object({ text: z.string().max(40_000) }).strict()),
  'jobs.searchSkills': request<SkillSuggestion[]>()(
    z.object({ query: z.string().trim().min(1).max(80), limit: z.number().int().min(1).max(50).default(12) }).strict(),
  ),
}
