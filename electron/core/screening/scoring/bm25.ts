import { fieldHash, type TermVector } from './term-vector'

/**
 * Okapi BM25 over a job's candidate pool, computed from stored term vectors. It uses the same
 * formula and defaults as wink-bm25-text-search (idf = ln((N - n + 0.5) / (n + 0.5) + 1), k1 = 1.2,
 * b = 0.75, each query token counted as often as it occurs), and a test checks the two agree when
 * the fields weigh nothing. We do not run wink's index itself because it must be rebuilt from every
 * resume's text whenever the pool changes, and re-ranking 10,000 candidates after a job edit has to
 * be arithmetic on stored numbers.
 */

export interface Bm25Params {
  k1: number
  b: number
  k: number
  /**
   * BM25F: how much a term in the title or skills field counts beside the body's occurrence of it
   * (the fields' words are in the body too, so 0 is plain BM25). Length normalisation is the body's.
   */
  fields: { title: number; skills: number }
  /** The most a term's weighted count (body and fields together) counts: repeating a word past it adds nothing. */
  maxFrequency: number
}

export const DEFAULT_BM25: Bm25Params = {
  k1: 1.2,
  b: 0.75,
  k: 1,
  fields: { title: 0, skills: 0 },
  maxFrequency: Infinity,
}

const FIELDS = ['title', 'skills'] as const

/**
 * Each document's weighted frequency of each query term (its body count plus its boosted title
 * and skills counts), row d, column t, found in one merge pass over the document's sorted hashes;
 * and each term's document frequency. Sparse: a document holds few of the query's terms.
 */
function weightedFrequencies(pool: readonly TermVector[], terms: readonly number[], params: Bm25Params) {
  const weightOf = [1, params.fields.title, params.fields.skills]
  const lookup = terms
    .flatMap((hash, t) => [hash, ...FIELDS.map((field) => fieldHash(hash, field))].map((h, f) => [h, t, f] as const))
    .filter(([, , f]) => weightOf[f]! > 0)
    .sort((a, b) => a[0] - b[0])
  const keys = Uint32Array.from(lookup, ([h]) => h)
  const columns = Uint32Array.from(lookup, ([, t]) => t)
  const weights = Float64Array.from(lookup, ([, , f]) => weightOf[f]!)
  const q = terms.length
  const frequencies = new Float64Array(pool.length * q)
  const documentFrequency = new Uint32Array(q)
  for (let d = 0; d < pool.length; d++) {
    const { hashes, frequencies: tf } = pool[d]!
    const row = d * q
    let i = 0
    let k = 0
    while (i < hashes.length && k < keys.length) {
      const a = hashes[i]!
      const b = keys[k]!
      if (a < b) i++
      else if (a > b) k++
      else {
        const at = row + columns[k]!
        if (frequencies[at] === 0) documentFrequency[columns[k]!]!++
        frequencies[at]! += weights[k]! * tf[i]!
        i++
        k++
      }
    }
  }
  return { frequencies, documentFrequency }
}

/** Scores every document in `pool` against the query (term hashes, repeated as often as they occur). */
export function bm25Scores(
  pool: readonly TermVector[],
  queryHashes: readonly number[],
  params: Bm25Params = DEFAULT_BM25,
): Float64Array {
  const scores = new Float64Array(pool.length)
  if (!pool.length || !queryHashes.length) return scores
  const counts = new Map<number, number>()
  for (const hash of queryHashes) counts.set(hash, (counts.get(hash) ?? 0) + 1)
  const unique = [...counts.keys()]
  const multiplicity = Float64Array.from(unique, (hash) => counts.get(hash)!)
  const q = unique.length
  const { frequencies, documentFrequency } = weightedFrequencies(pool, unique, params)
  const n = pool.length
  const averageLength = pool.reduce((sum, doc) => sum + doc.length, 0) / n || 1
  const idf = Float64Array.from(documentFrequency, (df) => Math.log((n - df + 0.5) / (df + 0.5) + params.k))
  for (let d = 0; d < n; d++) {
    const norm = params.k1 * (1 - params.b + params.b * (pool[d]!.length / averageLength))
    let sum = 0
    for (let t = 0, at = d * q; t < q; t++, at++) {
      const f = Math.min(frequencies[at]!, params.maxFrequency)
      if (f) sum += multiplicity[t]! * idf[t]! * ((f * (params.k1 + 1)) / (norm + f))
    }
    scores[d] = sum
  }
  return scores
}
