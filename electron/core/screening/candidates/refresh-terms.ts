import type { Kysely } from 'kysely'
import { getMeta, setMeta } from '../../db/meta'
import type { Database } from '../../db/schema'
import { withoutInstructions } from '../extract/injection'
import { resumeTermVector, visibleMentions } from '../scoring/features'
import { packTermVector } from '../scoring/term-vector'
import type { ParsedResume } from '../types'

/**
 * What the stored term vectors hold. 2: the title and skills fields BM25F weighs and the word
 * pairs custom skills are matched by. 3: without the lines that carry an instruction aimed at an AI
 * screener. 4: word triples, by which a copied posting is told, and each kind of hash in its own
 * range (term-vector.ts). 5: a portal export's title field is its headline alone, the one it
 * repeats when run into one line included (read/headline.ts). Raise it whenever what the vector is
 * built from changes.
 */
export const TERMS_VERSION = 5
const KEY = 'screening.terms_version'
/** Rows rebuilt per read, so a large studio's upgrade never holds every resume in memory at once. */
const BATCH = 200

type Reading = Pick<ParsedResume, 'employment' | 'sections' | 'skills'>

/** The stored reading's fields a vector needs; a damaged one costs only the fields, never the rebuild. */
function readingOf(text: string, parsed: string): Reading {
  try {
    const value = JSON.parse(parsed) as Partial<Reading>
    const skills = Array.isArray(value.skills)
      ? value.skills.filter((s) => typeof s?.name === 'string' && typeof s.evidence === 'string')
      : []
    return {
      employment: Array.isArray(value.employment)
        ? value.employment.filter((job) => typeof job?.title === 'string')
        : [],
      sections: value.sections && typeof value.sections === 'object' ? value.sections : {},
      skills: visibleMentions({ text }, skills),
    }
  } catch {
    return { employment: [], sections: {}, skills: [] }
  }
}

/**
 * Rebuilds the term vectors written before TERMS_VERSION from each candidate's stored text and
 * reading, so candidates imported before and after an upgrade are ranked alike. Runs at start-up,
 * before intake does, and once: the version is recorded when every row is rebuilt. Returns the jobs
 * whose stored scores came from old vectors, for the caller to re-rank.
 */
export async function refreshStaleTerms(db: Kysely<Database>): Promise<string[]> {
  if (Number((await getMeta(db, KEY)) ?? 1) >= TERMS_VERSION) return []
  let after = ''
  for (;;) {
    const rows = await db
      .selectFrom('candidate_features as f')
      .innerJoin('resume_documents as d', 'd.file_id', 'f.file_id')
      .select(['f.candidate_id', 'd.text', 'd.parsed'])
      .where('f.candidate_id', '>', after)
      .orderBy('f.candidate_id')
      .limit(BATCH)
      .execute()
    if (!rows.length) break
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const text = withoutInstructions(row.text)
        const terms = resumeTermVector(text, readingOf(text, row.parsed))
        await trx
          .updateTable('candidate_features')
          .set({ terms: packTermVector(terms), doc_length: terms.length })
          .where('candidate_id', '=', row.candidate_id)
          .execute()
      }
    })
    after = rows[rows.length - 1]!.candidate_id
  }
  await setMeta(db, KEY, String(TERMS_VERSION))
  const jobs = await db.selectFrom('application_scores').select('job_id').distinct().execute()
  return jobs.map((row) => row.job_id)
}
