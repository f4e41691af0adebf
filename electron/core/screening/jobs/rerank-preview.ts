import type { JobOpeningView, RerankPreview, ScoringDraft } from '../../../../shared/contract/screening'
import type { DirectDb } from '../../db/direct'
import type { PoolCache } from '../candidates/pool'
import { rankMovement } from '../scoring/movement'
import { scoringJobOf } from '../scoring/job-query'
import { rankCandidates } from '../scoring/rank'
import type { RelatedSkills } from '../taxonomy/related'
import { distinctSkills } from './distinct-skills'
import { nameMovement, storedRanking } from './stored-ranking'

export interface RerankPreviewDeps {
  direct: DirectDb
  /** The same in-memory pools the saved re-rank uses, so a preview after the list was opened reads nothing large. */
  pools: PoolCache
  related: RelatedSkills
  getJob(jobId: string): Promise<JobOpeningView>
}

export type PreviewRerank = (jobId: string, draft: ScoringDraft, top: number) => Promise<RerankPreview>

/**
 * Ranks a job's pool as saving the draft would (the draft over the stored job, skills made distinct
 * as an edit makes them) and compares it with the stored ranking. Reads only: the recruiter can
 * move a weight back and forth without a score changing until they save.
 */
export function createRerankPreview(deps: RerankPreviewDeps): PreviewRerank {
  return async (jobId, draft, top) => {
    const started = performance.now()
    const job = { ...(await deps.getJob(jobId)), ...draft }
    const skills = distinctSkills(job.requiredSkills, job.preferredSkills)
    const pool = await deps.pools.get(jobId)
    const ranked = rankCandidates(scoringJobOf({ ...job, ...skills }, deps.related), pool)
    const moved = await deps.direct.transaction((direct) =>
      nameMovement(direct, rankMovement(storedRanking(direct, jobId), ranked, top)),
    )
    return { jobId, candidates: ranked.length, ms: Math.round(performance.now() - started), moved }
  }
}
