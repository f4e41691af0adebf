import type { EducationLevelName, EmploymentType, JobSkill, OpeningStatus, ScoreWeights } from './jobs'
import type { IntakeBatchStatus, IntakeOutcome } from './intake'
import type { PipelineStatus } from './candidates'

/** What screening's requests return: read models for the recruiter's screens. */

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
  /** Who moved against the ranking stored before; absent where no ranking was compared. */
  moved?: RankMovement
}

/** One candidate's place before and after a change of what the job asks (ranks start at 1). */
export interface RankMove {
  candidateId: string
  name: string
  /** Null when the candidate had no stored score (new to the job since the last ranking). */
  oldRank: number | null
  newRank: number
  oldScore: number | null
  score: number
}

/** How a re-rank changed a job's order: counts over the whole pool and the top of the list named. */
export interface RankMovement {
  /** How many places count as the top (the rows in `top`, and what `entered` and `left` refer to). */
  topSize: number
  movedUp: number
  movedDown: number
  /** The top as it is after the change, best first. */
  top: RankMove[]
  /** In the top now but not before, best first. */
  entered: RankMove[]
  /** In the top before but not now, by their old place. */
  left: RankMove[]
}

/** What saving a draft would do to a job's ranking; nothing is written. */
export interface RerankPreview {
  jobId: string
  candidates: number
  ms: number
  moved: RankMovement
}

/** What a posting's text asks for besides skills; null years when it names none. */
export interface PostingAsks {
  minYears: number | null
  educationLevel: EducationLevelName
}

export interface SkillSuggestion {
  skillId: string
  name: string
  category: string
  /** Where it was found in the text given, when suggested from text. */
  evidence?: string
  /** When suggested from a description: whether it reads as required or nice to have. */
  importance?: 'required' | 'preferred'
  /** Skills the description names as doing as well ("Figma or Adobe XD"). */
  alternatives?: { skillId: string; name: string }[]
  /** The weight (1 to 5) it starts at when added to a job (see skill-weight.ts). */
  weight: number
}

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
  /** A related skill the candidate has, which earned part of this one's weight (Selenium toward Test Automation). */
  relatedVia?: string
}

/**
 * Where a years-of-experience figure came from and how far to trust it: dated ranges, a total the
 * resume states ("8+ years of experience"), job lengths written beside the jobs, or nothing.
 */
export interface ExperienceReadingView {
  years: number
  basis: 'dates' | 'stated' | 'durations' | 'none'
  confidence: 'high' | 'medium' | 'low'
  /** What the recruiter reads: "6 years (from dates)", "≈ 8 years (stated)". */
  label: string
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
  /** How the years in the experience part were read; absent for resumes read before it was recorded. */
  experience?: ExperienceReadingView
}

export interface ContentFlagView {
  kind: 'hidden_text' | 'prompt_injection'
  detail: string
  text: string
  page?: number
  /** The resume file it was found in: a merged candidate keeps every file's flags. */
  fileName?: string
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
  /** The share of the job posting the resume copied word for word, when enough to be a copy (its match is not counted); else null. */
  copiedPosting: number | null
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
  /** How `totalYears` was read; absent for resumes read before it was recorded. */
  experience?: ExperienceReadingView
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
