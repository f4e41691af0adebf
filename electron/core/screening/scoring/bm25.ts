import type { TermVector } from './term-vector'

/**
 * Okapi BM25 over a job's candidate pool, computed from stored term vectors. It uses the same
 * formula and defaults as wink-bm25-text-search (idf = ln((N - n + 0.5) / (n + 0.5) + 1), k1 = 1.2,
 * b = 0.75, each query token counted as often as it occurs), and a test checks the two agree. We do
 * not run wink's index itself because it must be rebuilt from every resume's text whenever the pool
 * changes, and re-ranking 10,000 candidates after a job edit has to be arithmetic on stored numbers.
 */

export interface Bm25Params {
  k1: number
  b: number
  k: number
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75, k: 1 }

/** Scores every document in `pool` against the query (term hashes, repeated as often as they occur). */
export function bm25Scores(
  pool: readonly TermVector[],
  queryHashes: readonly number[],
  params: Bm25Params = DEFAULT_BM25,
): Float64Array {
  const scores = new Float64Array(pool.length)
  if (!pool.length || !queryHashes.length) return scores
  // Sorted unique query terms, so each document (its hashes sorted too) is matched in one merge pass.
  const counts = new Map<number, number>()
  for (const hash of queryHashes) counts.set(hash, (counts.get(hash) ?? 0) + 1)
  const unique = Uint32Array.from(counts.keys()).sort()
  const multiplicity = Array.from(unique, (hash) => counts.get(hash)!)
  const q = unique.length
  const frequencies = new Uint16Array(pool.length * q)
  const documentFrequency = new Uint32Array(q)
  let totalLength = 0
  pool.forEach((doc, d) => {
    totalLength += doc.length
    const { hashes, frequencies: tf } = doc
    let i = 0
    let t = 0
    while (i < hashes.length && t < q) {
      const a = hashes[i]!
      const b = unique[t]!
      if (a < b) i++
      else if (a > b) t++
      else {
        frequencies[d * q + t] = tf[i]!
        documentFrequency[t]!++
        i++
        t++
      }
    }
  })
  const n = pool.length
  const averageLength = totalLength / n || 1
  const idf = Array.from(documentFrequency, (df) => Math.log((n - df + 0.5) / (df + 0.5) + params.k))
  pool.forEach((doc, d) => {
    const norm = 1 - params.b + params.b * (doc.length / averageLength)
    let sum = 0
    for (let t = 0; t < q; t++) {
      const f = frequencies[d * q + t]!
      if (f) sum += multiplicity[t]! * idf[t]! * ((f * (params.k1 + 1)) / (params.k1 * norm + f))
    }
    scores[d] = sum
  })
  return scores
}
