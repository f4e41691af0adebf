import type { Studio } from '../../../electron/main/studio'
import { ensureApplication } from '../../../electron/main/screening/candidates/applications'
import { skillIdsColumn } from '../../../electron/main/screening/candidates/pool'
import { educationRank } from '../../../electron/main/screening/scoring/education'
import { buildTermVector, packTermVector } from '../../../electron/main/screening/scoring/term-vector'
import { tokenize } from '../../../electron/main/screening/scoring/tokenize'
import type { EducationLevel } from '../../../electron/main/screening/types'

export interface SeedCandidate {
  name: string
  text: string
  skills: string[]
  years: number
  education: EducationLevel
  email?: string
}

/**
 * Stores candidates as intake would after reading their resumes (candidate, features, application),
 * for tests of ranking and the pipeline that should not depend on parsing files.
 */
export async function seedCandidates(
  studio: Studio,
  jobId: string | null,
  candidates: SeedCandidate[],
): Promise<string[]> {
  const ids: string[] = []
  await studio.db.transaction().execute(async (trx) => {
    for (const c of candidates) {
      const id = await studio.writer.insert(trx, 'candidates', {
        name: c.name,
        email: c.email ?? null,
        phone: null,
        email_key: c.email ?? null,
        phone_key: null,
        links: '[]',
        current_title: null,
        total_years: c.years,
        education_level: c.education,
        tags: '[]',
        current_file_id: null,
      })
      const terms = buildTermVector(tokenize(c.text))
      const fileId = `seed-${id}`
      await trx
        .insertInto('resume_documents')
        .values({ file_id: fileId, text: c.text, hidden_text: '', parsed: '{}' })
        .execute()
      await trx
        .insertInto('candidate_features')
        .values({
          candidate_id: id,
          file_id: fileId,
          skill_ids: skillIdsColumn(c.skills),
          skill_evidence: JSON.stringify(Object.fromEntries(c.skills.map((s) => [s, c.text]))),
          total_years: c.years,
          education_rank: educationRank(c.education),
          doc_length: terms.length,
          terms: packTermVector(terms),
          embedding: null,
          embedding_model: null,
          updated_at: 0,
        })
        .execute()
      ids.push(id)
    }
  })
  if (jobId) await studio.direct.transaction((direct) => ids.forEach((id) => ensureApplication(direct, studio.writer, jobId, id)))
  return ids
}
