import { z } from 'zod'
import { request } from './define'

/**
 * Screening: job openings, resume intake, scoring and the candidate pipeline. Everything here works
 * offline; the optional embeddings signal is shown beside a score and never changes it.
 */

export const educationLevelSchema = z.enum(['none', 'high_school', 'associate', 'bachelor', 'master', 'doctorate'])
export type EducationLevelName = z.infer<typeof educationLevelSchema>

export const openingStatusSchema = z.enum(['open', 'closed', 'archived'])
export type OpeningStatus = z.infer<typeof openingStatusSchema>

export const employmentTypeSchema = z.enum(['full_time', 'part_time', 'contract', 'temporary', 'internship'])
export type EmploymentType = z.infer<typeof employmentTypeSchema>

export const pipelineStatusSchema = z.enum([
  'new',
  'screened',
  'shortlisted',
  'maybe',
  'rejected',
  'interviewing',
  'offer',
  'hired',
  'withdrawn',
])
export type PipelineStatus = z.infer<typeof pipelineStatusSchema>

const id = z.string().min(1).max(64)
const shortText = (max: number) => z.string().trim().max(max)

/** A skill a job asks for. Taxonomy skills have their taxonomy id; others are `custom:<slug>`. */
export const jobSkillSchema = z
  .object({
    skillId: z.string().trim().min(1).max(80),
    name: z.string().trim().min(1).max(80),
    weight: z.number().int().min(1).max(5).default(3),
  })
  .strict()
export type JobSkill = z.infer<typeof jobSkillSchema>

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

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  requiredSkills: 45,
  preferredSkills: 15,
  text: 20,
  experience: 12,
  education: 8,
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

/** An edit carries only the fields that change; defaults never overwrite stored values. */
export const jobPatchSchema = z
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
  .refine(salaryInOrder, salaryRule)
export type JobPatch = z.infer<typeof jobPatchSchema>

export interface JobOpeningView {
  id: string
  title: string
  department: string
  location: string
  employmentType: EmploymentType
  salaryMin: number | null
  salaryMax: number | null
  salaryCurrency: string
  description: string
  requirements: string
  requiredSkills: JobSkill[]
  preferredSkills: JobSkill[]
  minYears: number
  educationLevel: EducationLevelName
  weights: ScoreWeights
  status: OpeningStatus
  candidateCount: number
  createdAt: number
  updatedAt: number
}

export interface RerankSummary {
  jobId: string
  candidates: number
  ms: number
}

export interface SkillSuggestion {
  skillId: string
  name: string
  category: string
  /** Where it was found in the text given, when suggested from text. */
  evidence?: string
  /** When suggested from a description: whether it reads as required or nice to have. */
  importance?: 'required' | 'preferred'
}

// ---- intake ----

export const intakeOutcomeSchema = z.enum(['pending', 'imported', 'duplicate', 'refused', 'cancelled'])
export type IntakeOutcome = z.infer<typeof intakeOutcomeSchema>

export type IntakeBatchStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed'

export interface IntakeCounts {
  total: number
  done: number
  imported: number
  duplicates: number
  refused: number
  cancelled: number
}

export interface IntakeBatchView extends IntakeCounts {
  id: string
  jobId: string | null
  queueJobId: string | null
  status: IntakeBatchStatus
  createdAt: number
  updatedAt: number
}

export interface IntakeItemView {
  id: number
  name: string
  outcome: IntakeOutcome
  /** Machine-readable refusal or duplicate reason (e.g. encrypted, same_file, same_person). */
  reason: string | null
  message: string | null
  candidateId: string | null
}

export interface IntakeBatchDetail extends IntakeBatchView {
  items: IntakeItemView[]
}

/** Largest single resume accepted, on every path (dialog, upload, CLI). */
export const MAX_RESUME_BYTES = 10 * 1024 * 1024
/** Largest total of one upload request; the renderer splits bigger selections into several batches. */
export const MAX_UPLOAD_REQUEST_BYTES = 24 * 1024 * 1024
export const MAX_PATHS_PER_IMPORT = 2000
export const MAX_FILES_PER_UPLOAD = 200

const base64Limit = Math.ceil((MAX_RESUME_BYTES * 4) / 3) + 4

const uploadFileSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    size: z.number().int().min(0),
    /** File.lastModified, so that of two resumes of one person the newer is kept as current. */
    lastModified: z.number().int().min(0).optional(),
    /** Omitted when the file is over the size limit: the renderer does not send it, the outcome says why. */
    base64: z
      .string()
      .max(base64Limit)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
      .optional(),
  })
  .strict()

export const importFilesInputSchema = z
  .object({
    jobId: id.optional(),
    files: z.array(uploadFileSchema).min(1).max(MAX_FILES_PER_UPLOAD),
  })
  .strict()
  .refine(
    (input) =>
      input.files.reduce((sum, f) => sum + (f.base64?.length ?? 0), 0) <= Math.ceil((MAX_UPLOAD_REQUEST_BYTES * 4) / 3),
    {
      message: `One upload may carry at most ${MAX_UPLOAD_REQUEST_BYTES / 1024 / 1024} MB; send the rest in another request`,
      path: ['files'],
    },
  )

// ---- candidates ----

export interface ScorePart {
  key: keyof ScoreWeights
  label: string
  /** 0..1 */
  value: number
  /** The weight after leaving out parts that do not apply, 0..1, summing to 1. */
  share: number
  /** value × share × 100: how many of the 100 points this part gave. */
  points: number
  detail: string
}

export interface MatchedSkill {
  skillId: string
  name: string
  kind: 'required' | 'preferred'
  weight: number
  /** The visible resume line that proves it. */
  evidence: string
}

export interface MissingSkill {
  skillId: string
  name: string
  kind: 'required' | 'preferred'
  weight: number
}

export interface ScoreView {
  score: number
  parts: ScorePart[]
  matched: MatchedSkill[]
  missing: MissingSkill[]
  additional: { skillId: string; name: string }[]
  explanation: string
  /** Cosine similarity of resume and job embeddings, 0..1, when that signal has run; never part of `score`. */
  semantic: number | null
}

export interface ContentFlagView {
  kind: 'hidden_text' | 'prompt_injection'
  detail: string
  text: string
  page?: number
}

export interface CandidateRow {
  candidateId: string
  applicationId: string | null
  name: string
  email: string | null
  phone: string | null
  currentTitle: string | null
  totalYears: number
  educationLevel: EducationLevelName
  status: PipelineStatus | null
  score: number | null
  semantic: number | null
  matched: string[]
  missing: string[]
  flagKinds: ContentFlagView['kind'][]
  flagCount: number
  tags: string[]
  fileCount: number
  importedAt: number
}

export interface CandidateList {
  total: number
  items: CandidateRow[]
}

export interface StatusChange {
  id: string
  from: PipelineStatus | null
  to: PipelineStatus
  kind: 'import' | 'set' | 'undo'
  at: number
}

export interface ApplicationView {
  id: string
  jobId: string
  jobTitle: string
  candidateId: string
  status: PipelineStatus
  history: StatusChange[]
}

export interface NoteView {
  id: string
  candidateId: string
  jobId: string | null
  body: string
  createdAt: number
}

export interface ResumeFileView {
  id: string
  fileName: string
  format: string
  size: number
  contentHash: string
  importedAt: number
  current: boolean
}

export interface HighlightSpan {
  start: number
  end: number
  skillId: string
  kind: 'required' | 'preferred' | 'other'
}

export interface CandidateDetail {
  id: string
  name: string
  email: string | null
  phone: string | null
  links: string[]
  currentTitle: string | null
  totalYears: number
  educationLevel: EducationLevelName
  employment: { title: string; company: string | null; start: string | null; end: string | null; current: boolean }[]
  gaps: { from: string; to: string; months: number }[]
  skills: { skillId: string; name: string; evidence: string; section: string }[]
  tags: string[]
  text: string
  highlights: HighlightSpan[]
  flags: ContentFlagView[]
  files: ResumeFileView[]
  applications: ApplicationView[]
  /** Present when asked in the context of a job. */
  application: ApplicationView | null
  score: ScoreView | null
  notes: NoteView[]
}

export const candidateSortSchema = z.enum(['score', 'semantic', 'name', 'years', 'imported', 'status'])

export const candidateListInputSchema = z
  .object({
    jobId: id.optional(),
    statuses: z.array(pipelineStatusSchema).max(9).optional(),
    minScore: z.number().min(0).max(100).optional(),
    skills: z.array(z.string().min(1).max(80)).max(20).optional(),
    minYears: z.number().min(0).max(60).optional(),
    tag: z.string().trim().min(1).max(40).optional(),
    search: z.string().trim().max(100).optional(),
    sort: candidateSortSchema.default('score'),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict()

const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\n\r\t]+$/, 'A tag is one line')

export const screeningRequests = {
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
  'jobs.setStatus': request<JobOpeningView>()(z.object({ id, status: openingStatusSchema }).strict()),
  'jobs.suggestSkills': request<SkillSuggestion[]>()(z.object({ text: z.string().max(40_000) }).strict()),
  'jobs.searchSkills': request<SkillSuggestion[]>()(
    z.object({ query: z.string().trim().min(1).max(80), limit: z.number().int().min(1).max(50).default(12) }).strict(),
  ),

  'intake.importPaths': request<IntakeBatchView>()(
    z
      .object({
        jobId: id.optional(),
        paths: z.array(z.string().min(1).max(4096)).min(1).max(MAX_PATHS_PER_IMPORT),
      })
      .strict(),
  ),
  'intake.importFiles': request<IntakeBatchView>()(importFilesInputSchema),
  /** The desktop's file or folder dialog; `unavailable` where there is none (the web host uploads bytes instead). */
  'intake.choosePaths': request<{ paths: string[] }>()(z.object({ kind: z.enum(['files', 'folder']) }).strict()),
  'intake.cancel': request<IntakeBatchView>()(z.object({ batchId: id }).strict()),
  'intake.get': request<IntakeBatchDetail>()(z.object({ batchId: id }).strict()),
  'intake.list': request<IntakeBatchView[]>()(
    z.object({ jobId: id.optional(), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  ),

  'candidates.list': request<CandidateList>()(candidateListInputSchema),
  'candidates.get': request<CandidateDetail>()(z.object({ candidateId: id, jobId: id.optional() }).strict()),
  'candidates.setStatus': request<ApplicationView>()(
    z.object({ applicationId: id, status: pipelineStatusSchema }).strict(),
  ),
  'candidates.undoStatus': request<ApplicationView>()(z.object({ applicationId: id }).strict()),
  'candidates.addNote': request<NoteView>()(
    z.object({ candidateId: id, jobId: id.optional(), body: z.string().trim().min(1).max(10_000) }).strict(),
  ),
  'candidates.setTags': request<string[]>()(z.object({ candidateId: id, tags: z.array(tag).max(30) }).strict()),
  'candidates.addToJob': request<{ added: number; rerank: RerankSummary }>()(
    z.object({ jobId: id, candidateIds: z.array(id).min(1).max(10_000) }).strict(),
  ),
}

export const screeningEvents = {
  'intake.progress': z.custom<IntakeBatchView>(),
  'screening.ranked': z.custom<RerankSummary>(),
}
