import { lowerBound, TRIPLES_START, type TermVector } from './term-vector'

/** Below this many word triples a posting is too short to tell a copy of it from a close match. */
const MIN_POSTING_TRIPLES = 40

/**
 * A resume holding this share of the posting's word triples copied the posting, or a part of it,
 * into itself (pasted in plain sight, since hidden text is never read). On our five labeled sets no
 * resume holds more than 9.4% of any posting's triples; a pasted posting holds nearly all, and its
 * bulleted lines alone 31% or more (copied-posting.test.ts holds both sides of the line). Word pairs
 * could not tell the bulleted lines from honest resumes, which hold up to 25% of a posting's pairs.
 */
export const COPIED_POSTING_SHARE = 0.15

/**
 * The share of the posting's word triples (distinct, ascending) found in the resume when it reaches
 * COPIED_POSTING_SHARE; else null. One merge over the posting's triples and the resume's (which
 * sort after all its other hashes), stopping once too many are missing: a re-rank asks this of every
 * candidate in the pool.
 */
export function copiedPostingShare(postingTriples: Uint32Array, terms: TermVector): number | null {
  const n = postingTriples.length
  if (n < MIN_POSTING_TRIPLES) return null
  const allowedMisses = n - Math.ceil(n * COPIED_POSTING_SHARE)
  const { hashes } = terms
  let held = 0
  let i = 0
  let j = lowerBound(hashes, TRIPLES_START)
  while (i < n) {
    const triple = postingTriples[i]!
    while (j < hashes.length && hashes[j]! < triple) j++
    if (j < hashes.length && hashes[j] === triple) held++
    else if (i + 1 - held > allowedMisses) return null
    i++
  }
  return held / n
}
