import { insertRow } from '@core/db/direct'
import type { Studio } from '@core/studio'
import { writeFeatures } from '@core/screening/intake/record-outcome'
import { ensureApplication } from '@core/screening/candidates/applications'
import { educationRank } from '@core/screening/scoring/education'
import { buildTermVector } from '@core/screening/scoring/term-vector'
import { tokenize } from '@core/screening/scoring/tokenize'
import type { EducationLevel } from '@core/screening/types'

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
  return studio.direct.transaction((direct) =>
    candidates.map((c) => {
      const id = studio.writer.insertNow(direct, 'candidates', {
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
      const fileId = `seed-${id}`
      insertRow(direct, 'resume_documents', { file_id: fileId, text: c.text, hidden_text: '', parsed: '{}' })
      writeFeatures(
        direct,
        id,
        fileId,
        {
          skillIds: c.skills,
          skillEvidence: Object.fromEntries(c.skills.map((s) => [s, c.text])),
          totalYears: c.years,
          educationRank: educationRank(c.education),
          terms: buildTermVector(tokenize(c.text)),
        },
        0,
      )
      if (jobId) ensureApplication(direct, studio.writer, jobId, id)
      return id
    }),
  )
}
