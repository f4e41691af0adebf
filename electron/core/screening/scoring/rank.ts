import { bm25Scores } from './bm25'
import { scoreCandidate } from './score'
import type { CandidateFeatures, ScoreBreakdown, ScoringJob } from './types'

export interface RankedCandidate extends ScoreBreakdown {
  candidateId: string
}

/** Scores a job's whole pool (text relevance is relative to the pool) and orders it best first. */
export function rankCandidates(job: ScoringJob, pool: readonly CandidateFeatures[]): RankedCandidate[] {
  const bm25 = bm25Scores(
    pool.map((c) => c.terms),
    job.queryHashes,
  )
  const best = bm25.reduce((max, value) => Math.max(max, value), 0)
  const ranked = pool.map((candidate, i) => ({
    candidateId: candidate.candidateId,
    ...scoreCandidate(job, candidate, best > 0 ? bm25[i]! / best : 0),
  }))
  return ranked.sort(
    (a, b) => b.score - a.score || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0),
  )
}
