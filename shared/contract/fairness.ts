import { z } from 'zod'
import { request } from './define'
import type { ExportedFile } from './exports'

/**
 * The adverse-impact report and the voluntary self-identification it counts. Self-identification is
 * recruiter-only and read by nothing but this report: no scorer, prompt, ranking or review sees it.
 */

const id = z.string().min(1).max(64)

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say'

/** The categories of the EEO-1 and NYC Local Law 144 bias-audit tables. */
export const sexSchema = z.enum(['female', 'male', 'other', PREFER_NOT_TO_SAY])
export const raceSchema = z.enum([
  'hispanic_or_latino',
  'white',
  'black_or_african_american',
  'native_hawaiian_or_pacific_islander',
  'asian',
  'american_indian_or_alaska_native',
  'two_or_more_races',
  PREFER_NOT_TO_SAY,
])
export const ageBandSchema = z.enum(['under_25', '25_39', '40_54', '55_plus', PREFER_NOT_TO_SAY])

/** Each answer is optional: null is "not asked or not answered", distinct from "prefer not to say". */
export const selfIdentificationSchema = z
  .object({ sex: sexSchema.nullable(), race: raceSchema.nullable(), ageBand: ageBandSchema.nullable() })
  .strict()
export type SelfIdentification = z.infer<typeof selfIdentificationSchema>
export type Dimension = keyof SelfIdentification

export const STAGES = ['screening', 'interview'] as const
export type Stage = (typeof STAGES)[number]

export interface CategoryRow {
  category: string
  applicants: number
  selected: number
  /** selected / applicants; null when there are no applicants. */
  selectionRate: number | null
  /** This rate over the highest rate among categories of the same dimension; null for "unknown" or no rate. */
  impactRatio: number | null
  /** Impact ratio below 0.8 (the four-fifths rule). */
  flagged: boolean
  /** Fewer applicants than the report's per-category minimum. */
  smallSample: boolean
}

export interface DimensionTable {
  dimension: Dimension
  stage: Stage
  /** Known categories with at least one applicant, highest rate first. */
  rows: CategoryRow[]
  /** Applicants with no answer or "prefer not to say": counted, never compared. */
  unknown: { applicants: number; selected: number }
  /** Fewer known applicants in this table than the overall minimum. */
  smallSample: boolean
}

export interface AdverseImpactReport {
  jobId: string
  jobTitle: string
  applicants: number
  rules: { fourFifths: number; minPerCategory: number; minOverall: number }
  /** What "selected" means at each stage, in words. */
  stageRules: Record<Stage, string>
  tables: DimensionTable[]
}

export const fairnessRequests = {
  'fairness.selfId': request<SelfIdentification>()(z.object({ candidateId: id }).strict()),
  'fairness.setSelfId': request<SelfIdentification>()(
    z.object({ candidateId: id, answers: selfIdentificationSchema }).strict(),
  ),
  'fairness.report': request<AdverseImpactReport>()(z.object({ jobId: id }).strict()),
  'fairness.reportCsv': request<ExportedFile>()(z.object({ jobId: id }).strict()),
}

/** How the report and the form name each dimension and category (NYC LL144 / EEO-1 wording). */
/** The answers offered for each question, in the order they are shown. */
export const SELF_ID_OPTIONS: Record<Dimension, readonly string[]> = {
  sex: sexSchema.options,
  race: raceSchema.options,
  ageBand: ageBandSchema.options,
}
export const SELF_ID_DIMENSIONS = Object.keys(SELF_ID_OPTIONS) as Dimension[]

export const DIMENSION_LABELS: Record<Dimension, string> = {
  sex: 'Sex',
  race: 'Race/ethnicity',
  ageBand: 'Age band',
}

export const CATEGORY_LABELS: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Another sex or gender',
  hispanic_or_latino: 'Hispanic or Latino',
  white: 'White',
  black_or_african_american: 'Black or African American',
  native_hawaiian_or_pacific_islander: 'Native Hawaiian or Pacific Islander',
  asian: 'Asian',
  american_indian_or_alaska_native: 'American Indian or Alaska Native',
  two_or_more_races: 'Two or more races',
  under_25: 'Under 25',
  '25_39': '25–39',
  '40_54': '40–54',
  '55_plus': '55 and over',
  [PREFER_NOT_TO_SAY]: 'Prefer not to say',
}

export const STAGE_LABELS: Record<Stage, string> = {
  screening: 'Advanced after screening',
  interview: 'Advanced after interview',
}
