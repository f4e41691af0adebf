import type { Selectable } from 'kysely'
import { z } from 'zod'
import {
  DEFAULT_SCORE_WEIGHTS,
  educationLevelSchema,
  employmentTypeSchema,
  jobSkillSchema,
  scoreWeightsSchema,
  type JobOpeningView,
} from '../../../../shared/contract/screening'
import type { JobOpeningsTable } from '../tables'

// Stored JSON is read defensively: a synced row written by another version must not break the list.
// A skill with a field this version does not know is read without it; one it cannot read is left
// out, and the others stay.
const storedSkill = jobSkillSchema.strip()
const skills = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.flatMap((item) => {
      const read = storedSkill.safeParse(item)
      return read.success ? [read.data] : []
    }),
  )
const weights = scoreWeightsSchema.catch(DEFAULT_SCORE_WEIGHTS)

function json(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function toJobView(row: Selectable<JobOpeningsTable>, candidateCount: number): JobOpeningView {
  return {
    id: row.id,
    title: row.title,
    department: row.department,
    location: row.location,
    employmentType: employmentTypeSchema.catch('full_time').parse(row.employment_type),
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    salaryCurrency: row.salary_currency,
    description: row.description,
    requirements: row.requirements,
    requiredSkills: skills.parse(json(row.required_skills)),
    preferredSkills: skills.parse(json(row.preferred_skills)),
    minYears: row.min_years,
    educationLevel: educationLevelSchema.catch('none').parse(row.education_level),
    weights: weights.parse(json(row.weights)),
    status: row.status,
    candidateCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

type JobFields = Omit<JobOpeningView, 'id' | 'status' | 'candidateCount' | 'createdAt' | 'updatedAt'>

/** The columns for a job's editable fields (only those present in `fields`). */
export function toJobColumns(fields: Partial<JobFields>) {
  const columns: Partial<
    Omit<Selectable<JobOpeningsTable>, 'id' | 'org_id' | 'created_at' | 'updated_at' | 'deleted_at'>
  > = {}
  if (fields.title !== undefined) columns.title = fields.title
  if (fields.department !== undefined) columns.department = fields.department
  if (fields.location !== undefined) columns.location = fields.location
  if (fields.employmentType !== undefined) columns.employment_type = fields.employmentType
  if (fields.salaryMin !== undefined) columns.salary_min = fields.salaryMin
  if (fields.salaryMax !== undefined) columns.salary_max = fields.salaryMax
  if (fields.salaryCurrency !== undefined) columns.salary_currency = fields.salaryCurrency
  if (fields.description !== undefined) columns.description = fields.description
  if (fields.requirements !== undefined) columns.requirements = fields.requirements
  if (fields.requiredSkills !== undefined) columns.required_skills = JSON.stringify(fields.requiredSkills)
  if (fields.preferredSkills !== undefined) columns.preferred_skills = JSON.stringify(fields.preferredSkills)
  if (fields.minYears !== undefined) columns.min_years = fields.minYears
  if (fields.educationLevel !== undefined) columns.education_level = fields.educationLevel
  if (fields.weights !== undefined) columns.weights = JSON.stringify(fields.weights)
  return columns
}
