import { frequencyOf, type TermVector } from './term-vector'

/** Below this many word pairs a posting is too short to tell a copy of it from a close match. */
const MIN_POSTING_PAIRS = 40

/**
 * A resume holding this share of the posting's word pairs copied the posting into itself (pasted
 * in plain sight, since hidden text is never read). On our four labeled sets no resume holds more
 * than 25% of any posting's pairs (a test holds that line); a pasted posting holds nearly all.
 */
export const COPIED_POSTING_SHARE = 0.4

/** The share of the posting's word pairs found in the resume when it reaches COPIED_POSTING_SHARE; else null. */
export function copiedPostingShare(postingPairs: readonly number[], terms: TermVector): number | null {
  if (postingPairs.length < MIN_POSTING_PAIRS) return null
  let held = 0
  for (const hash of postingPairs) if (frequencyOf(terms, hash) > 0) held++
  const share = held / postingPairs.length
  return share >= COPIED_POSTING_SHARE ? share : null
}
