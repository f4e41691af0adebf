import type { Kysely } from 'kysely'
import { skillLabel, type RerankSummary } from '../../../../shared/contract/screening'
import type { Clock } from '../../clock'
import type { DirectDb } from '../../db/direct'
import type { Database } from '../../db/schema'
import type { EventBus } from '../../events'
import { toJobView } from '../jobs/job-row'
import { scoringJobOf } from '../scoring/job-query'
import type { RelatedSkills } from '../taxonomy/related'
import { rankCandidates } from '../scoring/rank'
import { rankMovement } from '../scoring/movement'
import { nameMovement, storedRanking } from '../jobs/stored-ranking'
import { createPoolCache, readEmbedding, type PoolCache, type PoolMember } from './pool'

export interface RerankDeps {
  db: Kysely<Database>
  direct: DirectDb
  clock: Clock
  events: EventBus
  /** Which skills count as part evidence toward a job's skill (the taxonomy's categories). */
  related: RelatedSkills
  /** Pools shared with the re-rank preview; a cache of its own when not given. */
  pools?: PoolCache
}

/** How many places of the top a summary names who entered and left. */
const SUMMARY_TOP = 10

export type Rerank = (jobId: string) => Promise<RerankSummary>

export interface Ranker {
  rerank: Rerank
  /** Loads a job's pool into memory ahead of an edit (when its list is opened), so the edit re-ranks warm. */
  warm(jobId: string): Promise<void>
}

function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length || !a.length) return 0
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! * a[i]!
    nb += b[i]! * b[i]!
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}

async function jobEmbedding(db: Kysely<Database>, jobId: string) {
  const row = await db
    .selectFrom('job_embeddings')
    .select(['vector', 'model'])
    .where('job_id', '=', jobId)
    .executeTakeFirst()
  const vector = readEmbedding(row?.vector ?? null)
  return vector && row ? { vector, model: row.model } : null
}

function semanticOf(member: PoolMember, job: { vector: Float32Array; model: string } | null): number | null {
  if (!job || !member.embedding || member.embeddingModel !== job.model) return null
  return Math.max(0, Math.min(1, cosine(member.embedding, job.vector)))
}

const UPSERT_SCORE = `
  insert into application_scores
    (application_id, job_id, candidate_id, score, semantic, parts, matched, missing, copied_posting, computed_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (application_id) do update set
    score = excluded.score, semantic = excluded.semantic, parts = excluded.parts, matched = excluded.matched,
    missing = excluded.missing, copied_posting = excluded.copied_posting, computed_at = excluded.computed_at`

/**
 * Re-scores every candidate of a job from stored features and replaces the job's scores in one
 * transaction. Nothing is re-read from the resumes, so an edit re-ranks thousands at once.
 */
export function createRanker(deps: RerankDeps): Ranker {
  const { db, clock, events } = deps
  const pools = deps.pools ?? createPoolCache(db)
  const warm = async (jobId: string) => void (await pools.get(jobId))
  const rerank: Rerank = async (jobId) => {
    const started = performance.now()
    const row = await db.selectFrom('job_openings').selectAll().where('id', '=', jobId).executeTakeFirst()
    if (!row) return { jobId, candidates: 0, ms: 0 }
    const job = toJobView(row, 0)
    const [pool, embedding] = await Promise.all([pools.get(jobId), jobEmbedding(db, jobId)])
    const ranked = rankCandidates(scoringJobOf(job, deps.related), pool)
    const byCandidate = new Map(pool.map((member) => [member.candidateId, member]))
    const names = new Map([...job.requiredSkills, ...job.preferredSkills].map((s) => [s.skillId, skillLabel(s)]))
    const now = clock.now()
    const moved = await deps.direct.transaction((direct) => {
      const before = storedRanking(direct, jobId)
      // Rows that exist are updated in place rather than deleted and inserted again.
      for (const r of ranked) {
        const member = byCandidate.get(r.candidateId)!
        direct.run(UPSERT_SCORE, [
          member.applicationId,
          jobId,
          r.candidateId,
          r.score,
          semanticOf(member, embedding),
          JSON.stringify(r.parts),
          JSON.stringify(r.matched.map((id) => names.get(id) ?? id)),
          JSON.stringify(r.missing.map((id) => names.get(id) ?? id)),
          r.copiedPosting,
          now,
        ])
      }
      // Scores of applications that left the pool.
      direct.run('delete from application_scores where job_id = ? and computed_at != ?', [jobId, now])
      return nameMovement(direct, rankMovement(before, ranked, SUMMARY_TOP))
    })
    const summary = { jobId, candidates: ranked.length, ms: Math.round(performance.now() - started), moved }
    events.emit('screening.ranked', summary)
    return summary
  }
  return { rerank, warm }
}
