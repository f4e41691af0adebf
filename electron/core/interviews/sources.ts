import type { PickerOption } from '../../../shared/contract/interviews'

/**
 * What interviews need from screening's jobs and candidates, as narrow functions handed in by the
 * composition root; interviews never depends on how screening's modules are shaped.
 */

export interface JobBrief {
  id: string
  title: string
  description: string
  requirements: string
  /** Skill names, most important first. */
  skills: string[]
}

export interface JobSource {
  brief(jobId: string): Promise<JobBrief | null>
  titles(jobIds: string[]): Promise<Map<string, string>>
  options(search: string): Promise<PickerOption[]>
}

export interface CandidateSource {
  /** The text of the candidate's current resume, or null when there is none. */
  resumeText(candidateId: string): Promise<string | null>
  options(search: string): Promise<PickerOption[]>
}

/** Used where screening is not wired in (tests of interviews alone, a build without screening). */
export const noJobs: JobSource = {
  brief: async () => null,
  titles: async () => new Map(),
  options: async () => [],
}

export const noCandidates: CandidateSource = {
  resumeText: async () => null,
  options: async () => [],
}
