import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { unpackTermVector } from '../scoring/term-vector'
import type { CandidateFeatures, SkillSet } from '../scoring/types'

export interface PoolMember extends CandidateFeatures {
  applicationId: string
  embedding: Float32Array | null
  embeddingModel: string | null
}

export const skillIdsColumn = (ids: readonly string[]) => (ids.length ? `|${ids.join('|')}|` : '')

/** Reads membership straight from the stored column: a pool of thousands needs no Set per candidate. */
function skillColumn(column: string): SkillSet {
  let ids: string[] | null = null
  return {
    has: (skillId) => column.includes(`|${skillId}|`),
    // Split only when asked (related skills), and once.
    [Symbol.iterator]: () => (ids ??= column.split('|').filter(Boolean))[Symbol.iterator](),
  }
}

export function readEmbedding(blob: Uint8Array | null): Float32Array | null {
  if (!blob || blob.byteLength % 4) return null
  return new Float32Array(new Uint8Array(blob).buffer)
}

/** Loads the stored features of every candidate who applied to a job (or of one of them): all ranking reads. */
export async function loadPool(db: Kysely<Database>, jobId: string, candidateId?: string): Promise<PoolMember[]> {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('candidate_features as f', 'f.candidate_id', 'a.candidate_id')
    .select([
      'a.id as applicationId',
      'f.candidate_id as candidateId',
      'f.skill_ids',
      'f.total_years',
      'f.education_rank',
      'f.doc_length',
      'f.terms',
      'f.embedding',
      'f.embedding_model',
    ])
    .where('a.job_id', '=', jobId)
    .where('a.deleted_at', 'is', null)
  if (candidateId) query = query.where('a.candidate_id', '=', candidateId)
  const rows = await query.execute()
  return rows.map((row) => ({
    applicationId: row.applicationId,
    candidateId: row.candidateId,
    skillIds: skillColumn(row.skill_ids),
    totalYears: row.total_years,
    educationRank: row.education_rank,
    terms: unpackTermVector(row.terms, row.doc_length),
    embedding: readEmbedding(row.embedding),
    embeddingModel: row.embedding_model,
  }))
}

export interface PoolCache {
  /** The job's pool, from memory when nothing in it changed since it was last read. */
  get(jobId: string): Promise<PoolMember[]>
}

/** Pools kept in memory: a few jobs are worked on at a time; each 10,000-candidate pool is about 25 MB. */
const CACHED_POOLS = 4

/**
 * Keeps recently ranked pools in memory so that editing a job re-ranks without reading every
 * candidate's term vector again. A cheap aggregate over the pool (members, their newest
 * application, the sum of feature timestamps) tells whether anything changed, whoever changed it.
 */
export function createPoolCache(db: Kysely<Database>): PoolCache {
  // A load in flight is shared: a warm-up and the edit right behind it read the pool once.
  const pools = new Map<string, { stamp: string; members: Promise<PoolMember[]> }>()
  return {
    async get(jobId) {
      const row = await db
        .selectFrom('applications as a')
        .innerJoin('candidate_features as f', 'f.candidate_id', 'a.candidate_id')
        .select([
          sql<number>`count(*)`.as('n'),
          sql<number>`coalesce(max(a.created_at), 0)`.as('newest'),
          sql<number>`total(f.updated_at)`.as('features'),
        ])
        .where('a.job_id', '=', jobId)
        .where('a.deleted_at', 'is', null)
        .executeTakeFirst()
      const stamp = `${row?.n}:${row?.newest}:${row?.features}`
      const cached = pools.get(jobId)
      pools.delete(jobId)
      const members = cached?.stamp === stamp ? cached.members : loadPool(db, jobId)
      pools.set(jobId, { stamp, members })
      while (pools.size > CACHED_POOLS) pools.delete(pools.keys().next().value!)
      try {
        return await members
      } catch (error) {
        if (pools.get(jobId)?.members === members) pools.delete(jobId)
        throw error
      }
    },
  }
}
