import { z } from 'zod'
import { request } from './define'

/**
 * Candidates' data rights: deletion on request and the workspace's retention policy. Every request
 * here is the recruiter's; the kiosk can neither see what a candidate left nor remove it.
 */

const id = z.string().min(1).max(64)
const candidateInput = z.object({ candidateId: id }).strict()

/** What a deletion removes: rows by kind and files relative to the data folder. */
export interface DeletionPreview {
  candidateId: string
  rows: { kind: string; count: number }[]
  files: string[]
}

export interface CandidateDeletion extends DeletionPreview {
  filesRemoved: number
  /** Files the deletion could not remove (locked, read-only): the recruiter removes them by hand. */
  filesNotRemoved: string[]
}

/** Days are whole days; null turns that part of the policy off. */
const days = z.number().int().min(1).max(3650).nullable()
export const retentionPolicySchema = z
  .object({
    /** Delete a candidate everywhere after this many days with no activity. */
    candidateDays: days,
    /** Delete interview recordings (the files and their rows) this many days after they were made. */
    recordingDays: days,
  })
  .strict()
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>

export interface RetentionPreview {
  policy: RetentionPolicy
  /** The time the preview was computed for: the next run removes these if it ran now. */
  asOf: number
  candidates: { id: string; name: string; lastActivityAt: number }[]
  recordings: { id: string; sessionId: string; path: string; startedAt: number }[]
}

export interface RetentionRun {
  candidatesDeleted: string[]
  /** Busy when the run came (an interview under way, a job running); the next run deletes them. */
  candidatesPostponed: string[]
  recordingsDeleted: string[]
  filesNotRemoved: string[]
}

/** An interview whose candidate asked, on the consent screen, for a process without the AI interview and did not go on. */
export interface AlternativeRequest {
  sessionId: string
  templateName: string
  requestedAt: number
}

/** A candidate's data for an access request: one zip, as base64 so it crosses the bridge in either host. */
export interface DataExport {
  fileName: string
  mediaType: 'application/zip'
  base64: string
  /** The zip's entries, so the window can say what it holds. */
  entries: string[]
}

export const rightsRequests = {
  /** Everything held about the candidate (JSON Resume, files, answers and transcripts, assessments, recordings) in one zip. */
  'rights.exportData': request<DataExport>()(candidateInput),
  /** The candidate's open requests for an alternative process: a task for the recruiter. */
  'rights.alternativeRequests': request<AlternativeRequest[]>()(candidateInput),
  'rights.deletePreview': request<DeletionPreview>()(candidateInput),
  'rights.deleteCandidate': request<CandidateDeletion>()(candidateInput),
  'rights.retention': request<RetentionPolicy>()(z.object({}).strict()),
  'rights.setRetention': request<RetentionPolicy>()(retentionPolicySchema),
  'rights.retentionPreview': request<RetentionPreview>()(z.object({}).strict()),
  /** Queues a retention run now (it also runs once a day by itself). */
  'rights.runRetention': request<{ jobId: string }>()(z.object({}).strict()),
}
