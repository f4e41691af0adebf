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
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75, k: 1, fields: { title: 0, skills: 0 } }

const FIELDS = ['title', 'skills'] as const

/**
 * Each document's frequency of each query term, in body, title and skills, found in one merge pass
 * over the document's sorted hashes. Row d, column 3t + f: f = 0 body, 1 title, 2 skills.
 */
function fieldFrequencies(pool: readonly TermVector[], terms: readonly number[]): Uint16Array {
  const lookup = terms
    .flatMap((hash, t) => [hash, ...FIELDS.map((field) => fieldHash(hash, field))].map((h, f) => [h, t * 3 + f]))
    .sort((a, b) => a[0]! - b[0]!)
  const keys = Uint32Array.from(lookup, ([h]) => h!)
  const columns = lookup.map(([, column]) => column!)
  const width = terms.length * 3
  const frequencies = new Uint16Array(pool.length * width)
  pool.forEach((doc, d) => {
    const { hashes, frequencies: tf } = doc
    let i = 0
    let k = 0
    while (i < hashes.length && k < keys.length) {
      const a = hashes[i]!
      const b = keys[k]!
      if (a < b) i++
      else if (a > b) k++
      else {
        frequencies[d * width + columns[k]!] = tf[i]!
        i++
        k++
      }
    }
  })
  return frequencies
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
  const q = unique.length
  const frequencies = fieldFrequencies(pool, unique)
  const { title, skills } = params.fields
  // A term's weighted frequency in a document: its body count plus its boosted field counts.
  const weighted = (d: number, t: number) => {
    const at = (d * q + t) * 3
    return frequencies[at]! + title * frequencies[at + 1]! + skills * frequencies[at + 2]!
  }
  const documentFrequency = new Uint32Array(q)
  let totalLength = 0
  pool.forEach((doc, d) => {
    totalLength += doc.length
    for (let t = 0; t < q; t++) if (weighted(d, t) > 0) documentFrequency[t]!++
  })
  const n = pool.length
  const averageLength = totalLength / n || 1
  const idf = Array.from(documentFrequency, (df) => Math.log((n - df + 0.5) / (df + 0.5) + params.k))
  pool.forEach((doc, d) => {
    const norm = 1 - params.b + params.b * (doc.length / averageLength)
    let sum = 0
    for (let t = 0; t < q; t++) {
      const f = weighted(d, t)
      if (f) sum += counts.get(unique[t]!)! * idf[t]! * ((f * (params.k1 + 1)) / (params.k1 * norm + f))
    }
    scores[d] = sum
  })
  return scores
}
