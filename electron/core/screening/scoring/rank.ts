import { copiedPostingShare } from './copied'
import { byScoreThenId } from './movement'
import { scoreCandidate } from './score'
import { textRelevance } from './text-relevance'
import type { CandidateFeatures, ScoreBreakdown, ScoringJob } from './types'

export interface RankedCandidate extends ScoreBreakdown {
  candidateId: string
}

/**
 * Scores a job's whole pool (text relevance is relative to the pool, and a resume that copied the
 * posting neither earns it nor sets the pool's best) and orders it best first.
 */
export function rankCandidates(job: ScoringJob, pool: readonly CandidateFeatures[]): RankedCandidate[] {
  const copied = pool.map((candidate) => copiedPostingShare(job.postingTriples, candidate.terms))
  const text = textRelevance(
    job,
    pool.map((c) => c.terms),
    (i) => copied[i] !== null,
  )
  const ranked = pool.map((candidate, i) => ({
    candidateId: candidate.candidateId,
    ...scoreCandidate(job, candidate, text[i]!, copied[i]),
  }))
  return ranked.sort(byScoreThenId)
}
