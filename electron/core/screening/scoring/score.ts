import type { ScoreWeights } from '../../../../shared/contract/screening'
import { copiedPostingShare } from './copied'
import { educationRank } from './education'
import { educationFit, experienceFit, skillCoverage } from './fit'
import type { CandidateFeatures, PartKey, ScoreBreakdown, ScoringJob } from './types'

/** The parts that apply to a job: a part with nothing to measure (no preferred skills, no minimum) is left out. */
export function applicableParts(job: ScoringJob): PartKey[] {
  const parts: PartKey[] = []
  if (job.requiredSkills.length) parts.push('requiredSkills')
  if (job.preferredSkills.length) parts.push('preferredSkills')
  if (job.queryHashes.length) parts.push('text')
  if (job.minYears > 0) parts.push('experience')
  if (job.educationLevel !== 'none') parts.push('education')
  return parts
}

/** Each applicable part's share of the score, summing to 1 (equal shares if every weight is 0). */
export function partShares(weights: ScoreWeights, parts: readonly PartKey[]): Partial<Record<PartKey, number>> {
  const total = parts.reduce((sum, key) => sum + weights[key], 0)
  return Object.fromEntries(parts.map((key) => [key, total > 0 ? weights[key] / total : 1 / parts.length]))
}

interface Prepared {
  keys: PartKey[]
  shares: Partial<Record<PartKey, number>>
  requiredEducation: number
}

// What depends on the job alone, worked out once per job rather than once per candidate.
const prepared = new WeakMap<ScoringJob, Prepared>()
function prepare(job: ScoringJob): Prepared {
  let entry = prepared.get(job)
  if (!entry) {
    const keys = applicableParts(job)
    entry = { keys, shares: partShares(job.weights, keys), requiredEducation: educationRank(job.educationLevel) }
    prepared.set(job, entry)
  }
  return entry
}

/**
 * Scores one candidate. `textRelevance` is 0..1, relative to the job's pool (see text-relevance.ts);
 * `copied`, the share of the posting the resume copied (copied.ts), is worked out when not given.
 */
export function scoreCandidate(
  job: ScoringJob,
  candidate: CandidateFeatures,
  textRelevance: number,
  copied = copiedPostingShare(job.postingTriples, candidate.terms),
): ScoreBreakdown {
  const { keys, shares, requiredEducation } = prepare(job)
  const required = skillCoverage(job.requiredSkills, candidate.skillIds, candidate.terms, job)
  const preferred = skillCoverage(job.preferredSkills, candidate.skillIds, candidate.terms, job)
  // A copied posting names the job's skills and words for the candidate: neither can be counted.
  const counted = copied === null
  const requiredValue = counted ? required.value : 0
  const values: Record<PartKey, number> = {
    requiredSkills: requiredValue,
    preferredSkills: counted ? preferred.value : 0,
    text: counted ? textRelevance : 0,
    experience: experienceFit(candidate.totalYears, job.minYears, job.requiredSkills.length ? requiredValue : 1),
    education: educationFit(candidate.educationRank, requiredEducation),
  }
  const parts: Partial<Record<PartKey, number>> = {}
  let total = 0
  for (const key of keys) {
    parts[key] = values[key]
    total += values[key] * shares[key]!
  }
  return {
    score: Math.round(total * 1000) / 10,
    parts,
    matched: [...required.matched, ...preferred.matched],
    missing: [...required.missing, ...preferred.missing],
    related: [...required.related, ...preferred.related],
    copiedPosting: copied,
  }
}
