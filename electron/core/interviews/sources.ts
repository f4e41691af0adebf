import type { Transaction } from 'kysely'
import type { PickerOption } from '../../../shared/contract/interviews'
import type { Database } from '../db/schema'

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

/** What interviews need from screening's pipeline: which application an interview belongs to, and moving it. */
export interface PipelineLink {
  /** The candidate's application for the job, or null when they have not applied to it. */
  applicationFor(jobId: string, candidateId: string): Promise<string | null>
  /**
   * Inside the caller's transaction: puts the application at 'interviewing' unless the recruiter has
   * already moved it past that (rejected, offer, hired, withdrawn) or it no longer exists.
   */
  markInterviewing(trx: Transaction<Database>, applicationId: string): Promise<void>
}

/** Without screening there are no applications: only templates without a job can invite. */
export const noPipeline: PipelineLink = {
  applicationFor: async () => null,
  markInterviewing: async () => {},
}
