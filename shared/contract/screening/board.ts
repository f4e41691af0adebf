import { z } from 'zod'
import { request } from '../define'
import type { PipelineStatus } from './candidates'
import type { StatusChange } from './views'
import { id } from './fields'

/** One job's pipeline as a board: a column per stage, the moves that made it, and its funnel. */

/** The stages a hire passes through, in order; the others (maybe, rejected, withdrawn) are side exits. */
export const MAIN_PATH: readonly PipelineStatus[] = ['new', 'screened', 'shortlisted', 'interviewing', 'offer', 'hired']

/** Cards shown per column; the rest are counted, and the ranked list shows them all. */
export const BOARD_CARDS_PER_COLUMN = 200

export interface BoardCard {
  applicationId: string
  candidateId: string
  name: string
  currentTitle: string | null
  score: number | null
  tags: string[]
  /** When the candidate entered this stage (the last status change, or when they were added). */
  inStageSince: number
}

export interface BoardColumn {
  status: PipelineStatus
  /** Candidates in this stage after the filters, including those not sent as cards. */
  count: number
  cards: BoardCard[]
}

export interface BoardMove {
  applicationId: string
  candidateId: string
  candidateName: string
  from: StatusChange['from']
  to: StatusChange['to']
  kind: StatusChange['kind']
  at: number
  /** The account that made the move, when someone was signed in. */
  by: string | null
}

export interface BoardView {
  jobId: string
  jobTitle: string
  columns: BoardColumn[]
  /** The newest moves first (at most 50), of every candidate in the job. */
  activity: BoardMove[]
}

export interface FunnelStage {
  status: PipelineStatus
  /** Candidates who have ever reached this stage. */
  reached: number
  /** Of those who reached the previous stage of the main path, the share who reached this one (null for the first). */
  conversion: number | null
  /** Median and count of completed stays in this stage, in milliseconds. */
  medianStayMs: number | null
  stays: number
}

export interface FunnelView {
  /** Null: every job's applications together. */
  jobId: string | null
  stages: FunnelStage[]
  /** Screening scores in bands of ten (0–9 … 90–100), for every candidate with a score. */
  scoreBands: { from: number; to: number; count: number }[]
}

export const boardFilterSchema = z
  .object({
    jobId: id,
    search: z.string().trim().max(100).optional(),
    minScore: z.number().min(0).max(100).optional(),
    tag: z.string().trim().min(1).max(40).optional(),
  })
  .strict()

/** How many of something, with the words the screen shows for it. */
export interface CountRow {
  label: string
  count: number
}

export interface AnalyticsView {
  /** Null: every job together. */
  jobId: string | null
  funnel: FunnelView
  /** How candidates entered the pipeline: by upload, from a folder or path, or added from the pool. */
  sources: CountRow[]
  /** The format of each candidate's current resume (or none, for an interview without one). */
  formats: CountRow[]
  /** Interviews by how they ended: completed, abandoned, still in progress. */
  interviews: CountRow[]
}

export const boardRequests = {
  'board.get': request<BoardView>()(boardFilterSchema),
  'board.funnel': request<FunnelView>()(z.object({ jobId: id }).strict()),
  /** Funnel, sources and interview outcomes for one job, or for every job when no job is named. */
  'analytics.get': request<AnalyticsView>()(z.object({ jobId: id.optional() }).strict()),
}
