import {
  DEFAULT_SCORE_WEIGHTS,
  type EducationLevelName,
  type EmploymentType,
  type JobOpeningView,
  type ScoreWeights,
} from '../../../../shared/contract/screening'
import type { SkillLists } from './SkillEditor'

/** A job as the form edits it: numbers stay text while typed, so a half-typed one is kept. */
export interface Draft extends SkillLists {
  title: string
  department: string
  location: string
  employmentType: EmploymentType
  salaryMin: string
  salaryMax: string
  salaryCurrency: string
  description: string
  requirements: string
  minYears: string
  educationLevel: EducationLevelName
  weights: ScoreWeights
}

export type DraftChange = (patch: Partial<Draft>) => void

export const EMPTY_DRAFT: Draft = {
  title: '',
  department: '',
  location: '',
  employmentType: 'full_time',
  salaryMin: '',
  salaryMax: '',
  salaryCurrency: 'USD',
  description: '',
  requirements: '',
  minYears: '0',
  educationLevel: 'none',
  weights: DEFAULT_SCORE_WEIGHTS,
  requiredSkills: [],
  preferredSkills: [],
}

export function toDraft(job: JobOpeningView): Draft {
  return {
    ...job,
    salaryMin: job.salaryMin?.toString() ?? '',
    salaryMax: job.salaryMax?.toString() ?? '',
    minYears: job.minYears.toString(),
  }
}

const money = (text: string) => (text.trim() === '' ? null : Math.round(Number(text)))

export function toInput(draft: Draft) {
  return {
    title: draft.title,
    department: draft.department,
    location: draft.location,
    employmentType: draft.employmentType,
    salaryMin: money(draft.salaryMin),
    salaryMax: money(draft.salaryMax),
    salaryCurrency: draft.salaryCurrency.trim().toUpperCase(),
    description: draft.description,
    requirements: draft.requirements,
    requiredSkills: draft.requiredSkills,
    preferredSkills: draft.preferredSkills,
    minYears: Number(draft.minYears) || 0,
    educationLevel: draft.educationLevel,
    weights: draft.weights,
  }
}

/** What of the draft scoring reads: the preview asks with this, and only when it differs from what was saved. */
export function toScoringDraft(draft: Draft) {
  const input = toInput(draft)
  return {
    title: input.title,
    description: input.description,
    requirements: input.requirements,
    requiredSkills: input.requiredSkills,
    preferredSkills: input.preferredSkills,
    minYears: input.minYears,
    educationLevel: input.educationLevel,
    weights: input.weights,
  }
}
