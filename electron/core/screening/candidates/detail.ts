import type { Kysely } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import {
  educationLevelSchema,
  skillIdsOf,
  type CandidateDetail,
  type ScoreView,
} from '../../../../shared/contract/screening'
import type { Database } from '../../db/schema'
import type { SkillCatalog } from '../jobs/skill-catalog'
import { toJobView } from '../jobs/job-row'
import { explainScore } from '../scoring/explain'
import { describeExperience } from '../scoring/experience-label'
import { visibleMentions } from '../scoring/features'
import { matchedCustomSkills, scoringJobOf } from '../scoring/job-query'
import { scoreCandidate } from '../scoring/score'
import type { ParsedResume, SkillMention } from '../types'
import { applicationViews } from './applications'
import { lineNaming, nameSpans, skillHighlights } from './highlights'
import type { SkillSpan } from '../jobs/skill-catalog'
import { readFileFlags, readRecord, readStringList } from './json-columns'
import { loadPool } from './pool'

export interface DetailDeps {
  db: Kysely<Database>
  catalog: SkillCatalog
}

const EMPTY_RESUME: ParsedResume = {
  contact: { name: null, email: null, phone: null, links: [] },
  sections: {},
  employment: [],
  totalYears: 0,
  gaps: [],
  currentTitle: null,
  educationLevel: 'none',
  skills: [],
}

function readParsed(text: string | undefined): ParsedResume {
  try {
    return { ...EMPTY_RESUME, ...(JSON.parse(text ?? '{}') as Partial<ParsedResume>) }
  } catch {
    return EMPTY_RESUME
  }
}

/** One mention per skill, in the order the resume first names it. */
function distinctMentions(mentions: SkillMention[]): SkillMention[] {
  const seen = new Set<string>()
  return mentions.filter((m) => !seen.has(m.skillId) && seen.add(m.skillId))
}

/** Everything the detail view shows: fields read, resume text with skills marked, flags, pipeline, score, notes. */
export async function candidateDetail(deps: DetailDeps, candidateId: string, jobId?: string): Promise<CandidateDetail> {
  const { db, catalog } = deps
  const candidate = await db
    .selectFrom('candidates')
    .selectAll()
    .where('id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!candidate) throw new StudioError('not_found', 'That candidate no longer exists')

  const [files, document, features, applications, notes] = await Promise.all([
    db
      .selectFrom('resume_files')
      .selectAll()
      .where('candidate_id', '=', candidateId)
      .where('deleted_at', 'is', null)
      .orderBy('file_time', 'desc')
      .execute(),
    candidate.current_file_id
      ? db
          .selectFrom('resume_documents')
          .selectAll()
          .where('file_id', '=', candidate.current_file_id)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('candidate_evidence')
      .select(['skill_evidence'])
      .where('candidate_id', '=', candidateId)
      .executeTakeFirst(),
    applicationViews(db, { candidateId }),
    db
      .selectFrom('candidate_notes')
      .selectAll()
      .where('candidate_id', '=', candidateId)
      .where('deleted_at', 'is', null)
      .orderBy('id', 'desc')
      .execute(),
  ])
  const text = document?.text ?? ''
  const parsed = readParsed(document?.parsed)
  const skills = distinctMentions(visibleMentions({ text }, parsed.skills))
  const evidence = Object.fromEntries(
    Object.entries(readRecord(features?.skill_evidence)).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
  const application = jobId ? (applications.find((a) => a.jobId === jobId) ?? null) : null

  let score: ScoreView | null = null
  const spans: SkillSpan[] = catalog.spans(text)
  const kindOf = new Map<string, 'required' | 'preferred'>()
  if (application) {
    const jobRow = await db
      .selectFrom('job_openings')
      .selectAll()
      .where('id', '=', application.jobId)
      .executeTakeFirstOrThrow()
    const job = toJobView(jobRow, 0)
    job.requiredSkills.flatMap(skillIdsOf).forEach((id) => kindOf.set(id, 'required'))
    job.preferredSkills.flatMap(skillIdsOf).forEach((id) => kindOf.set(id, 'preferred'))
    const stored = await db
      .selectFrom('application_scores')
      .select(['parts', 'semantic'])
      .where('application_id', '=', application.id)
      .executeTakeFirst()
    const [member] = await loadPool(db, application.jobId, candidateId)
    if (member) {
      const textPart = readRecord(stored?.parts).text
      const breakdown = scoreCandidate(
        scoringJobOf(job, catalog.related),
        member,
        typeof textPart === 'number' ? textPart : 0,
      )
      for (const skill of matchedCustomSkills(job, breakdown.matched)) {
        const line = lineNaming(text, skill.name)
        if (line) evidence[skill.skillId] = line
        spans.push(...nameSpans(text, skill.skillId, skill.name))
      }
      score = explainScore({
        job,
        breakdown,
        evidence,
        candidateSkills: skills.map(({ skillId, name }) => ({ skillId, name })),
        totalYears: candidate.total_years,
        ...(parsed.experience ? { experience: parsed.experience } : {}),
        educationLevel: educationLevelSchema.catch('none').parse(candidate.education_level),
        semantic: stored?.semantic ?? null,
      })
    }
  }

  return {
    id: candidate.id,
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone,
    links: readStringList(candidate.links),
    currentTitle: candidate.current_title,
    totalYears: candidate.total_years,
    ...(parsed.experience ? { experience: describeExperience(parsed.experience) } : {}),
    educationLevel: educationLevelSchema.catch('none').parse(candidate.education_level),
    employment: parsed.employment.map(({ title, company, start, end, current }) => ({
      title,
      company,
      start,
      end,
      current,
    })),
    gaps: parsed.gaps,
    skills: skills.map((s) => ({
      skillId: s.skillId,
      name: s.name,
      evidence: evidence[s.skillId] ?? s.evidence,
      section: s.section,
    })),
    tags: readStringList(candidate.tags),
    text,
    highlights: skillHighlights(spans, (skillId) => kindOf.get(skillId) ?? 'other'),
    flags: readFileFlags(files),
    files: files.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      format: f.format,
      size: f.size,
      contentHash: f.content_hash,
      importedAt: f.created_at,
      current: f.id === candidate.current_file_id,
    })),
    applications,
    application,
    score,
    notes: notes.map((n) => ({
      id: n.id,
      candidateId: n.candidate_id,
      jobId: n.job_id,
      body: n.body,
      createdAt: n.created_at,
    })),
  }
}
