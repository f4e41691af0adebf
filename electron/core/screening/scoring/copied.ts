import type { TermVector } from './term-vector'

/** Below this many word pairs a posting is too short to tell a copy of it from a close match. */
const MIN_POSTING_PAIRS = 40

/**
 * A resume holding this share of the posting's word pairs copied the posting into itself (pasted
 * in plain sight, since hidden text is never read). On our four labeled sets no resume holds more
 * than 25% of any posting's pairs (a test holds that line); a pasted posting holds nearly all.
 */
export const COPIED_POSTING_SHARE = 0.4

/**
 * The share of the posting's word pairs (distinct, ascending) found in the resume when it reaches
 * COPIED_POSTING_SHARE; else null. One merge over both sorted lists, stopping once too many pairs
 * are missing: a re-rank asks this of every candidate in the pool.
 */
export function copiedPostingShare(postingPairs: Uint32Array, terms: TermVector): number | null {
  const n = postingPairs.length
  if (n < MIN_POSTING_PAIRS) return null
  const allowedMisses = n - Math.ceil(n * COPIED_POSTING_SHARE)
  const { hashes } = terms
  let held = 0
  let i = 0
  let j = 0
  while (i < n) {
    const pair = postingPairs[i]!
    while (j < hashes.length && hashes[j]! < pair) j++
    if (j < hashes.length && hashes[j] === pair) held++
    else if (i + 1 - held > allowedMisses) return null
    i++
  }
  return held / n
}
