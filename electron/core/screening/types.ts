/**
 * The seam between reading resumes (extract/, read/) and using them (jobs, scoring, candidates).
 * Both sides import these types; change them only with both sides in mind.
 */

import type { ExperienceReadingView } from '../../../shared/contract/screening'

export type ResumeFormat = 'pdf' | 'docx' | 'txt' | 'md' | 'json-resume'

/**
 * Why a file was refused; each has a message a recruiter can act on. `not_a_resume`: the visible
 * text reads as something else (a recipe, an invoice, a job posting), see read/resume-likeness.ts.
 * One list, so what reads them back (the CLI's kept reads) checks against the same reasons.
 */
export const REFUSAL_REASONS = [
  'empty',
  'too_large',
  'unsupported_type',
  'encrypted',
  'corrupt',
  'no_text_layer',
  'zip_bomb',
  'external_entity',
  'too_long',
  'timeout',
  'not_a_resume',
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export interface Refusal {
  reason: RefusalReason
  message: string
}

/** Text the human reader could not see, or text addressed to an AI screener. */
export interface ContentFlag {
  kind: 'hidden_text' | 'prompt_injection'
  /** How it was hidden: white-on-white, tiny font, off-page, ... or which instruction pattern matched. */
  detail: string
  /** The exact text, shown to the recruiter. */
  text: string
  page?: number
}

export interface ExtractedDocument {
  format: ResumeFormat
  /** Text a human reader sees, in reading order, lines separated by \n. Hidden text is excluded. */
  text: string
  /** Text that was present but hidden from a human reader (never used as evidence). */
  hiddenText: string
  pages: number
  flags: ContentFlag[]
  /** Set for JSON Resume input: structured fields taken as they are. */
  structured?: unknown
}

export type ExtractOutcome = { ok: true; document: ExtractedDocument } | { ok: false; refusal: Refusal }

export interface ExtractLimits {
  maxBytes: number
  maxPages: number
  maxMs: number
  /** DOCX: total decompressed bytes and compression ratio allowed; PDF: the bytes one stream may unpack to. */
  maxUnzippedBytes: number
  maxZipRatio: number
}

export interface Contact {
  name: string | null
  email: string | null
  phone: string | null
  links: string[]
}

export interface Employment {
  title: string
  company: string | null
  /** ISO year-month, e.g. "2019-03". */
  start: string | null
  /** null with current = true for "Present". */
  end: string | null
  current: boolean
  /** The line(s) the entry was read from. */
  source: string
}

export type EducationLevel = 'none' | 'high_school' | 'associate' | 'bachelor' | 'master' | 'doctorate'

export interface SkillMention {
  /** Canonical taxonomy id, e.g. "javascript". */
  skillId: string
  /** Canonical display name, e.g. "JavaScript". */
  name: string
  /** The resume line that proves it (visible text only). */
  evidence: string
  section: SectionName | 'other'
}

export type SectionName = 'summary' | 'experience' | 'education' | 'skills' | 'projects' | 'certifications'

/** The years figure, where it came from and how far to trust it (see read/experience.ts). */
export type ExperienceReading = Omit<ExperienceReadingView, 'label'>

export interface ParsedResume {
  contact: Contact
  sections: Partial<Record<SectionName, string>>
  employment: Employment[]
  totalYears: number
  /** How `totalYears` was read; absent in resumes stored before it was recorded. */
  experience?: ExperienceReading
  /** Gaps between jobs longer than 6 months. */
  gaps: { from: string; to: string; months: number }[]
  currentTitle: string | null
  educationLevel: EducationLevel
  skills: SkillMention[]
}

export interface TaxonomySkill {
  id: string
  name: string
  aliases: string[]
  category: string
}
