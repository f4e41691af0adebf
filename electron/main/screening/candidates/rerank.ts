import { sql, type Kysely } from 'kysely'
import type { RerankSummary } from '../../../../shared/contract/screening'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { EventBus } from '../../events'
import { toJobView } from '../jobs/job-row'
import { scoringJobOf } from '../scoring/job-query'
import { rankCandidates } from '../scoring/rank'
import { createPoolCache, readEmbedding, type PoolMember } from './pool'

export interface RerankDeps {
  db: Kysely<Database>
  clock: Clock
  events: EventBus
}

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

/**
 * Re-scores every candidate of a job from stored features and replaces the job's scores in one
 * statement. Nothing is re-read from the resumes, so an edit re-ranks thousands at once.
 */
export function createRanker(deps: RerankDeps): Ranker {
  const { db, clock, events } = deps
  const pools = createPoolCache(db)
  const warm = async (jobId: string) => void (await pools.get(jobId))
  const rerank: Rerank = async (jobId) => {
    const started = performance.now()
    const row = await db.selectFrom('job_openings').selectAll().where('id', '=', jobId).executeTakeFirst()
    if (!row) return { jobId, candidates: 0, ms: 0 }
    const job = toJobView(row, 0)
    const [pool, embedding] = await Promise.all([pools.get(jobId), jobEmbedding(db, jobId)])
    const ranked = rankCandidates(scoringJobOf(job), pool)
    const byCandidate = new Map(pool.map((member) => [member.candidateId, member]))
    const names = new Map([...job.requiredSkills, ...job.preferredSkills].map((s) => [s.skillId, s.name]))
    const now = clock.now()
    const rows = ranked.map((r) => {
      const member = byCandidate.get(r.candidateId)!
      return [
        member.applicationId,
        r.candidateId,
        r.score,
        semanticOf(member, embedding),
        JSON.stringify(r.parts),
        JSON.stringify(r.matched.map((id) => names.get(id) ?? id)),
        JSON.stringify(r.missing.map((id) => names.get(id) ?? id)),
      ]
    })
    await db.transaction().execute(async (trx) => {
      // One statement for the whole pool: SQLite unpacks the rows from JSON, so 10,000 scores cost one
      // round trip, and rows that exist are updated in place rather than deleted and inserted again.
      await sql`
        insert into application_scores (application_id, job_id, candidate_id, score, semantic, parts, matched, missing, computed_at)
        select value ->> 0, ${jobId}, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, ${now}
        from json_each(${JSON.stringify(rows)}) where true
        on conflict (application_id) do update set
          score = excluded.score, semantic = excluded.semantic, parts = excluded.parts,
          matched = excluded.matched, missing = excluded.missing, computed_at = excluded.computed_at`.execute(trx)
      // Scores of applications that left the pool.
      await trx.deleteFrom('application_scores').where('job_id', '=', jobId).where('computed_at', '!=', now).execute()
    })
    const summary = { jobId, candidates: ranked.length, ms: Math.round(performance.now() - started) }
    events.emit('screening.ranked', summary)
    return summary
  }
  return { rerank, warm }
}
