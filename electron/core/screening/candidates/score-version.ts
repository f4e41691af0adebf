import type { Kysely } from 'kysely'
import { getMeta, setMeta } from '../../db/meta'
import type { Database } from '../../db/schema'

/**
 * What a stored score means. 2: the experience part counts the years only as far as the candidate
 * has the job's required skills. 3: text relevance weighs a resume's length in full and counts a
 * term at most three times (text-relevance.ts), and a resume that copied the posting gets no credit
 * for what it copied (copied.ts). 4: a copy is told by word triples, so a paste of part of the
 * posting is caught too. 5: a missing skill earns part credit only for a skill the taxonomy groups
 * with it (taxonomy/related.ts), no longer for any skill of its category. 6: the title match counts
 * a title held before for half of one held now (text-relevance.ts). 7: a job title's "Member of
 * Technical Staff" is a grade, not words of the role (tokenize.ts). Raise it whenever the same
 * features would score differently.
 */
export const SCORE_VERSION = 7
const KEY = 'screening.score_version'

/** Every job with stored scores, when an older version computed them (none once they are current). */
export async function jobsScoredBefore(db: Kysely<Database>): Promise<string[]> {
  if (Number((await getMeta(db, KEY)) ?? 1) >= SCORE_VERSION) return []
  const jobs = await db.selectFrom('application_scores').select('job_id').distinct().execute()
  return jobs.map((row) => row.job_id)
}

/** Recorded once every stale job has been re-ranked, so a start cut short re-ranks them again. */
export const markScoresCurrent = (db: Kysely<Database>) => setMeta(db, KEY, String(SCORE_VERSION))
