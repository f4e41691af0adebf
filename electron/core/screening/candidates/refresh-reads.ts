import type { Kysely } from 'kysely'
import { getMeta, setMeta } from '../../db/meta'
import type { Database } from '../../db/schema'
import type { SyncedWriter } from '../../db/synced'
import { SCREEN_READER_VERSION } from '../intake/reader-version'
import { withoutInstructions } from '../extract/injection'
import type { SkillCatalog } from '../jobs/skill-catalog'
import { provenSkills, resumeTermVector, visibleMentions } from '../scoring/features'
import { packTermVector } from '../scoring/term-vector'
import type { ParsedResume } from '../types'
import { skillIdsColumn } from './pool'
import { rereadStoredResume, saveEvidence, type StoredResume, type StoredResumeReader } from './reread'

/**
 * What the stored term vectors hold. 2: the title and skills fields BM25F weighs and the word
 * pairs custom skills are matched by. 3: without the lines that carry an instruction aimed at an AI
 * screener. 4: word triples, by which a copied posting is told, and each kind of hash in its own
 * range (term-vector.ts). 5: a portal export's title field is its headline alone, the one it
 * repeats when run into one line included (read/headline.ts). 6: a title's short forms read as
 * their words, and the role field (the headline and current title). Raise it whenever what the
 * vector is built from changes.
 */
export const TERMS_VERSION = 6
const TERMS_KEY = 'screening.terms_version'
/** The taxonomy (SkillCatalog.version) the stored skills were read with. */
const TAXONOMY_KEY = 'screening.taxonomy_version'
/** The reader (SCREEN_READER_VERSION) the stored readings came from. */
const READER_KEY = 'screening.reader_version'
/** Rows rebuilt per read, so a large studio's upgrade never holds every resume in memory at once. */
const BATCH = 200

type Reading = Pick<ParsedResume, 'employment' | 'sections' | 'skills' | 'currentTitle'>

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
      currentTitle: typeof value.currentTitle === 'string' ? value.currentTitle : null,
    }
  } catch {
    return { employment: [], sections: {}, skills: [], currentTitle: null }
  }
}

/** The stored reading with its skills replaced; left as it was when it is not an object. */
function withSkills(parsed: string, skills: Reading['skills']): string {
  try {
    const value: unknown = JSON.parse(parsed)
    return value && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify({ ...value, skills }) : parsed
  } catch {
    return parsed
  }
}

type Db = Kysely<Database>
interface Row extends StoredResume {
  parsed: string
  skill_ids: string
  skill_evidence: string | null
}

/**
 * What reading every stored resume again needs: the reader (loaded only then: it is most of the
 * reading code, which a start without stale reads never needs) and the writer for the candidates'
 * shown fields.
 */
export interface Rereading {
  loadReader(): Promise<StoredResumeReader>
  writer: SyncedWriter
}

/**
 * One candidate read again: the skills when the taxonomy changed (written only where they differ),
 * and the term vector when its version is old or the skills changed.
 */
async function refreshRow(trx: Db, row: Row, catalog: SkillCatalog | null, staleTerms: boolean): Promise<boolean> {
  const text = withoutInstructions(row.text)
  const reading = readingOf(text, row.parsed)
  const read = catalog && provenSkills({ text }, catalog.skillsIn(text))
  const proven =
    read &&
    (skillIdsColumn(read.skillIds) !== row.skill_ids || JSON.stringify(read.skillEvidence) !== row.skill_evidence)
      ? read
      : null
  if (!proven && !staleTerms) return false
  if (proven) {
    reading.skills = [...proven.best.values()]
    await trx
      .updateTable('resume_documents')
      .set({ parsed: withSkills(row.parsed, reading.skills) })
      .where('file_id', '=', row.file_id)
      .execute()
    await saveEvidence(trx, row.candidate_id, proven.skillEvidence)
  }
  const terms = resumeTermVector(text, reading)
  await trx
    .updateTable('candidate_features')
    .set({
      terms: packTermVector(terms),
      doc_length: terms.length,
      ...(proven ? { skill_ids: skillIdsColumn(proven.skillIds) } : {}),
    })
    .where('candidate_id', '=', row.candidate_id)
    .execute()
  return true
}

/**
 * Reads stored resumes again where what was stored is out of date: every reading made before the
 * reader's version (SCREEN_READER_VERSION: years, titles, names, skills, all read again from the
 * stored text), else the term vectors written before TERMS_VERSION and the skills read with another
 * taxonomy than `catalog`'s (an update that taught it "EEE" finds Electrical Engineering in the
 * resumes imported before). Works from each candidate's stored text and reading, so candidates
 * imported before and after an upgrade are ranked alike. Runs at start-up, before intake does, and
 * once: the versions are recorded when every row is done. Returns the jobs whose stored scores came
 * from the old reads, for the caller to re-rank: none when no read changed.
 */
export async function refreshStaleReads(db: Db, catalog: SkillCatalog, rereading?: Rereading): Promise<string[]> {
  const staleTerms = Number((await getMeta(db, TERMS_KEY)) ?? 1) < TERMS_VERSION
  const staleSkills = (await getMeta(db, TAXONOMY_KEY)) !== catalog.version
  const staleReads = !!rereading && Number((await getMeta(db, READER_KEY)) ?? 0) < SCREEN_READER_VERSION
  if (!staleTerms && !staleSkills && !staleReads) return []
  // Loaded with the first row: a new studio's first start has none to read.
  let rereader: { read: StoredResumeReader; writer: SyncedWriter } | null | undefined
  let after = ''
  let changed = false
  for (;;) {
    const rows = await db
      .selectFrom('candidate_features as f')
      .innerJoin('resume_documents as d', 'd.file_id', 'f.file_id')
      .innerJoin('candidates as c', 'c.id', 'f.candidate_id')
      .leftJoin('resume_files as rf', 'rf.id', 'f.file_id')
      .leftJoin('candidate_evidence as e', 'e.candidate_id', 'f.candidate_id')
      .select([
        'f.candidate_id',
        'f.file_id',
        'd.text',
        'd.hidden_text',
        'd.parsed',
        'f.skill_ids',
        'e.skill_evidence',
        'rf.format',
        'rf.pages',
        'rf.flags',
        'rf.file_name',
        'rf.created_at as imported_at',
        'c.name as candidate_name',
      ])
      .where('f.candidate_id', '>', after)
      .orderBy('f.candidate_id')
      .limit(BATCH)
      .execute()
    if (!rows.length) break
    if (rereader === undefined)
      rereader = staleReads && rereading ? { read: await rereading.loadReader(), writer: rereading.writer } : null
    const { read, writer } = rereader ?? {}
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const reread = read && writer && (await rereadStoredResume(trx, writer, read, row))
        if (reread || (await refreshRow(trx, row, staleSkills ? catalog : null, staleTerms))) changed = true
      }
    })
    after = rows[rows.length - 1]!.candidate_id
  }
  await setMeta(db, TERMS_KEY, String(TERMS_VERSION))
  await setMeta(db, TAXONOMY_KEY, catalog.version)
  if (rereading) await setMeta(db, READER_KEY, String(SCREEN_READER_VERSION))
  if (!changed) return []
  const jobs = await db.selectFrom('application_scores').select('job_id').distinct().execute()
  return jobs.map((row) => row.job_id)
}
