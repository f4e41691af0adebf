import { z } from 'zod'
import { request } from '../define'
import type { PipelineStatus } from '../screening/candidates'
import type { AssessmentKind, Recommendation } from './assessments'
import { id } from './fields'

/**
 * Candidates of one job side by side, from their latest assessments. Evidence for a recruiter who
 * chooses whom to advance; the comparison itself decides nothing.
 */

export interface ComparedQuestion {
  turnIndex: number
  questionText: string
  skill: string
  isFollowUp: boolean
  skipped: boolean
  /** Mean of the answer's dimension scores (the heuristic score offline), 1..5; null when nothing was scored. */
  score: number | null
}

export interface ComparedCandidate {
  candidateId: string
  candidateName: string
  /** The candidate's application to this job: what `candidates.setStatus` moves. */
  applicationId: string
  pipelineStatus: PipelineStatus
  /** The candidate's latest finished interview for this job that has an assessment. */
  sessionId: string
  finishedAt: number | null
  assessmentId: string
  assessmentKind: AssessmentKind
  /** 0..100 */
  overallScore: number
  /** Advisory; null for an offline assessment. */
  recommendation: Recommendation | null
  /** Integrity signals stored with the assessment: shown to a human, never scored. */
  integrityCount: number
  /** 1..5 per skill, from the across-answers pass (empty offline). */
  skills: { skill: string; score: number }[]
  questions: ComparedQuestion[]
}

export interface JobComparison {
  jobId: string
  jobTitle: string
  /** Best overall score first. */
  candidates: ComparedCandidate[]
}

/** A file name for the save dialog to suggest: one line, no folders, ending in .pdf. */
const pdfFileName = z
  .string()
  .trim()
  .max(120)
  .regex(/^[^/\\:*?"<>|\p{Cc}]+\.pdf$/u, 'A PDF file name, without folders')

export const compareRequests = {
  /** Every candidate of the job with a finished, assessed interview for it (a template of that job). */
  'assessments.compare': request<JobComparison>()(z.object({ jobId: id }).strict()),
  /**
   * Desktop only: prints the calling recruiter window's page (an assessment report) to PDF and saves
   * it where the recruiter chooses; `saved` is false when they cancel. The web host refuses it: there
   * the page prints itself through the browser.
   */
  'assessments.savePdf': request<{ saved: boolean }>()(z.object({ fileName: pdfFileName }).strict()),
}
