import type { Kysely } from 'kysely'
import { z } from 'zod'
import { StudioError } from '../../../shared/contract/errors'
import type { ExportedFile } from '../../../shared/contract/exports'
import type { Database } from '../db/schema'
import { readStringList } from '../screening/candidates/json-columns'
import { visibleMentions } from '../screening/scoring/features'
import { fileNameOf } from './file-name'

export const JSON_RESUME_SCHEMA = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json'

/** The parts of a JSON Resume (jsonresume.org, schema v1.0.0) that screening can fill. */
export interface JsonResume {
  $schema: string
  basics: { name: string; label?: string; email?: string; phone?: string; url?: string; summary?: string }
  work: { name?: string; position: string; startDate?: string; endDate?: string }[]
  education: { studyType: string }[]
  skills: { name: string }[]
  meta: { version: 'v1.0.0'; lastModified: string }
}

/** What screening stored when it read the resume; a resume read by an older version may lack parts. */
const storedResume = z
  .object({
    sections: z.record(z.string(), z.string()).catch({}),
    employment: z
      .array(
        z.object({
          title: z.string(),
          company: z.string().nullable(),
          start: z.string().nullable(),
          end: z.string().nullable(),
        }),
      )
      .catch([]),
    skills: z
      .array(
        z.object({
          skillId: z.string(),
          name: z.string(),
          evidence: z.string(),
          section: z
            .enum(['summary', 'experience', 'education', 'skills', 'projects', 'certifications', 'other'])
            .catch('other'),
        }),
      )
      .catch([]),
  })
  .catch({ sections: {}, employment: [], skills: [] })

const EDUCATION_NAMES: Record<string, string> = {
  high_school: 'High school',
  associate: 'Associate degree',
  bachelor: "Bachelor's degree",
  master: "Master's degree",
  doctorate: 'Doctorate',
}

/** JSON Resume dates are YYYY, YYYY-MM or YYYY-MM-DD; anything else screening kept is left out. */
const resumeDate = (value: string | null) =>
  value && /^[12]\d{3}(-[01]\d(-[0-3]\d)?)?$/u.test(value) ? value : undefined

const parseJson = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? '{}')
  } catch {
    return {}
  }
}

/**
 * The candidate as JSON Resume, from what screening read. Education holds the level only, as that
 * is all screening keeps of it; skills are those the visible text proves (hidden text never counts).
 */
export async function candidateJsonResume(db: Kysely<Database>, candidateId: string, now: number): Promise<JsonResume> {
  const candidate = await db
    .selectFrom('candidates')
    .selectAll()
    .where('id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!candidate) throw new StudioError('not_found', 'That candidate no longer exists')
  const document = candidate.current_file_id
    ? await db
        .selectFrom('resume_documents')
        .select(['text', 'parsed'])
        .where('file_id', '=', candidate.current_file_id)
        .executeTakeFirst()
    : undefined
  const parsed = storedResume.parse(parseJson(document?.parsed))
  const skillNames = [...new Set(visibleMentions({ text: document?.text ?? '' }, parsed.skills).map((s) => s.name))]
  const [url] = readStringList(candidate.links)
  const summary = parsed.sections.summary?.trim()

  const resume: JsonResume = {
    $schema: JSON_RESUME_SCHEMA,
    basics: {
      name: candidate.name,
      ...(candidate.current_title ? { label: candidate.current_title } : {}),
      ...(candidate.email ? { email: candidate.email } : {}),
      ...(candidate.phone ? { phone: candidate.phone } : {}),
      ...(url ? { url } : {}),
      ...(summary ? { summary } : {}),
    },
    work: parsed.employment.map((job) => {
      const startDate = resumeDate(job.start)
      const endDate = resumeDate(job.end)
      return {
        ...(job.company ? { name: job.company } : {}),
        position: job.title,
        ...(startDate ? { startDate } : {}),
        ...(endDate ? { endDate } : {}),
      }
    }),
    education: EDUCATION_NAMES[candidate.education_level]
      ? [{ studyType: EDUCATION_NAMES[candidate.education_level]! }]
      : [],
    skills: skillNames.map((name) => ({ name })),
    meta: { version: 'v1.0.0', lastModified: new Date(now).toISOString().slice(0, 19) },
  }
  return resume
}

/** The JSON Resume as a file to download. */
export async function jsonResumeFile(db: Kysely<Database>, candidateId: string, now: number): Promise<ExportedFile> {
  const resume = await candidateJsonResume(db, candidateId, now)
  return {
    fileName: fileNameOf(`${resume.basics.name} resume`, 'json'),
    mediaType: 'application/json',
    text: `${JSON.stringify(resume, null, 2)}\n`,
  }
}
