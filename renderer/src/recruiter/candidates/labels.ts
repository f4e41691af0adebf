import type {
  EducationLevelName,
  EmploymentType,
  IntakeOutcome,
  OpeningStatus,
  PipelineStatus,
} from '../../../../shared/contract/screening'

export const PIPELINE_LABELS: Record<PipelineStatus, string> = {
  new: 'New',
  screened: 'Screened',
  shortlisted: 'Shortlisted',
  maybe: 'Maybe',
  rejected: 'Rejected',
  interviewing: 'Interviewing',
  offer: 'Offer',
  hired: 'Hired',
  withdrawn: 'Withdrawn',
}

export const PIPELINE_STATUSES = Object.keys(PIPELINE_LABELS) as PipelineStatus[]

export const EDUCATION_LABELS: Record<EducationLevelName, string> = {
  none: 'Not stated',
  high_school: 'High school',
  associate: 'Associate',
  bachelor: 'Bachelor',
  master: 'Master',
  doctorate: 'Doctorate',
}

export const EMPLOYMENT_LABELS: Record<EmploymentType, string> = {
  full_time: 'Full time',
  part_time: 'Part time',
  contract: 'Contract',
  temporary: 'Temporary',
  internship: 'Internship',
}

export const OPENING_LABELS: Record<OpeningStatus, string> = {
  open: 'Open',
  closed: 'Closed',
  archived: 'Archived',
}

export const OUTCOME_LABELS: Record<IntakeOutcome, string> = {
  pending: 'Waiting',
  imported: 'Imported',
  duplicate: 'Duplicate',
  refused: 'Refused',
  cancelled: 'Cancelled',
}

export const formatYears = (years: number) => `${Math.round(years * 10) / 10} yr`

export const formatScore = (score: number | null) => (score === null ? '—' : Math.round(score).toString())
