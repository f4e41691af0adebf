import { bm25Scores, DEFAULT_BM25, type Bm25Params } from './bm25'
import { fieldHash, frequencyOf, type TermVector } from './term-vector'
import type { ContrastPhrases, ScoringJob } from './types'

interface TextRelevanceParams {
  bm25: Bm25Params
  /** The share of text relevance that is the title match; the rest is BM25F against the whole job. */
  titleShare: number
  /**
   * What the BM25F match counts for a resume titled as a role the job's title contrasts with: as much
   * as the title share leaves to the words (1 − 0.3), not tuned.
   */
  anotherRoleWords: number
  /**
   * What a job title held before counts for beside the role the person holds now (headline and
   * current title): a Java developer who was an automation tester for a year is not an automation
   * tester now. Half, not tuned.
   */
  pastRole: number
}

/**
 * Tuned on our own labeled sets (bench/ranking.ts): see the README for the figures. Against BM25's
 * usual k1 = 1.2 and b = 0.75, the resume's length counts in full (b = 1: a short resume that names
 * the job's words is as close to it as a long one that names them among many others) and a term's
 * count saturates late (k1 = 8) but stops at 3, so saying a word a fourth time, or a hundredth, adds nothing.
 */
export const TEXT_RELEVANCE: TextRelevanceParams = {
  bm25: { ...DEFAULT_BM25, k1: 8, b: 1, maxFrequency: 3, fields: { title: 2, skills: 1 } },
  titleShare: 0.3,
  anotherRoleWords: 0.7,
  pastRole: 0.5,
}

/**
 * How much of the job title's role the resume claims, 0..1: the share of its words (rarer ones
 * counting more) in what the person is now, or in any title held (counting `pastRole`), or, where
 * the reader found no title (a portal's run-together text), the share of its word pairs standing
 * together anywhere in the text. A "Java Developer" opening is best met by someone who calls
 * themselves one.
 */
export function titleMatches(pool: readonly TermVector[], title: ScoringJob['title']): Float64Array {
  const scores = new Float64Array(pool.length)
  if (!title.terms.length || !pool.length) return scores
  const idf = title.terms.map((hash) => {
    const df = pool.reduce((n, doc) => n + (frequencyOf(doc, hash) > 0 ? 1 : 0), 0)
    return Math.log(1 + (pool.length - df + 0.5) / (df + 0.5))
  })
  const total = idf.reduce((sum, w) => sum + w, 0)
  const inField = (field: 'title' | 'role') => title.terms.map((hash) => fieldHash(hash, field))
  const inTitle = inField('title')
  const inRole = inField('role')
  const share = (doc: TermVector, hashes: readonly number[]) => {
    let got = 0
    hashes.forEach((hash, t) => (got += frequencyOf(doc, hash) > 0 ? idf[t]! : 0))
    return total > 0 ? got / total : 0
  }
  pool.forEach((doc, d) => {
    const field = Math.max(share(doc, inRole), TEXT_RELEVANCE.pastRole * share(doc, inTitle))
    const phrase = title.pairs.length
      ? title.pairs.filter((hash) => frequencyOf(doc, hash) > 0).length / title.pairs.length
      : 0
    scores[d] = holdsAnotherRole(doc, title.contrast) ? 0 : Math.max(field, phrase)
  })
  return scores
}

/**
 * Whether the resume's title names a role the job's title contrasts with, and not the job's own in
 * words of its own: "Manual & Automation Tester" holds both, "QA Automation Engineer" only the other.
 */
function holdsAnotherRole(doc: TermVector, contrast: ScoringJob['title']['contrast']): boolean {
  return holdsTheirs(doc, contrast.now) ?? holdsTheirs(doc, contrast.ever) ?? false
}

/** Whether the field holds the other role and not the job's; null when it names neither. */
function holdsTheirs(doc: TermVector, { theirs, ours }: ContrastPhrases): boolean | null {
  const has = (hash: number) => frequencyOf(doc, hash) > 0
  const named = (phrase: readonly number[]) => phrase.length > 0 && phrase.every(has)
  const other = theirs.find(named)
  const own = ours.filter(named)
  if (!other) return own.length > 0 ? false : null
  return !own.some((phrase) => phrase.some((hash) => !other.includes(hash)))
}

/**
 * Each candidate's text relevance in its pool, 0..1: BM25F divided by the pool's best (the best
 * text match gets full marks), mixed with the title match. A resume that `copied` the posting gets
 * 0 and is left out of the pool's statistics, so it moves no one else's figure.
 */
export function textRelevance(
  job: Pick<ScoringJob, 'queryHashes' | 'title'>,
  pool: readonly TermVector[],
  copied: (index: number) => boolean,
): Float64Array {
  const params = TEXT_RELEVANCE
  const kept = pool.flatMap((_, i) => (copied(i) ? [] : [i]))
  const honest = kept.length === pool.length ? pool : kept.map((i) => pool[i]!)
  const bm25 = bm25Scores(honest, job.queryHashes, params.bm25)
  const best = bm25.reduce((max, value) => Math.max(max, value), 0)
  const titles = titleMatches(honest, job.title)
  const share = job.title.terms.length ? params.titleShare : 0
  const relevance = new Float64Array(pool.length)
  kept.forEach((i, k) => {
    // The words a manual tester's job shares with an automation engineer's resume are the trade's, not the role's.
    const words = holdsAnotherRole(honest[k]!, job.title.contrast) ? params.anotherRoleWords : 1
    relevance[i] = (1 - share) * words * (best > 0 ? bm25[k]! / best : 0) + share * titles[k]!
  })
  return relevance
}
