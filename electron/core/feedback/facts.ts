import type { Kysely } from 'kysely'
import { z } from 'zod'
import { StudioError } from '../../../shared/contract/errors'
import type { FeedbackBasis } from '../../../shared/contract/feedback'
import { claimsSchema, skillScoresSchema } from '../assessment/stored-json'
import type { Database } from '../db/schema'
import { readJson } from '../interviews/json-column'
import { forbiddenMentions } from './forbidden-mentions'

/**
 * The only facts a feedback draft is built from, AI or template. Each is read from a named column
 * (an allow-list, never a whole row): the job's title, the candidate's first name, the resume's
 * matched and missing skills, and the assessment's per-question scores with their reasons, skill
 * scores, strengths and weaknesses. Integrity signals, self-identification, consent events,
 * transcripts and recordings are never read here, and every fact that still mentions something
 * feedback must not (a model's reason that says "pasted", say) is dropped before use.
 */
export interface FeedbackFacts {
  basis: FeedbackBasis
  firstName: string
  jobTitle: string
  matchedSkills: string[]
  missingSkills: string[]
  answers: { question: string; skill: string; score: number; notes: string[] }[]
  skills: { skill: string; score: number; reason: string }[]
  strengths: string[]
  improvements: string[]
}

export interface FeedbackSubject {
  candidateId: string
  applicationId: string | null
  sessionId: string | null
}

const clean = (text: string) => forbiddenMentions(text).length === 0
const cleanList = (items: string[]) => [...new Set(items.map((t) => t.trim()).filter((t) => t && clean(t)))]
const firstName = (name: string) => name.trim().split(/\s+/)[0] || name

async function candidateName(db: Kysely<Database>, candidateId: string) {
  const row = await db
    .selectFrom('candidates')
    .select(['name', 'email'])
    .where('id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new StudioError('not_found', 'No such candidate')
  return row
}

async function screeningFacts(
  db: Kysely<Database>,
  candidateId: string,
  applicationId: string,
): Promise<Pick<FeedbackFacts, 'jobTitle' | 'matchedSkills' | 'missingSkills'>> {
  const application = await db
    .selectFrom('applications as a')
    .innerJoin('job_openings as j', 'j.id', 'a.job_id')
    .leftJoin('application_scores as s', 's.application_id', 'a.id')
    .select(['j.title', 's.matched', 's.missing'])
    .where('a.id', '=', applicationId)
    .where('a.candidate_id', '=', candidateId)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!application) throw new StudioError('not_found', 'This candidate has no such application')
  const skills = z.array(z.string())
  return {
    jobTitle: application.title,
    matchedSkills: cleanList(readJson(application.matched ?? '[]', skills, [])),
    missingSkills: cleanList(readJson(application.missing ?? '[]', skills, [])),
  }
}

async function assessmentFacts(
  db: Kysely<Database>,
  candidateId: string,
  sessionId: string,
): Promise<Pick<FeedbackFacts, 'jobTitle' | 'answers' | 'skills' | 'strengths' | 'improvements'>> {
  const session = await db
    .selectFrom('interview_sessions as s')
    .innerJoin('interview_templates as t', 't.id', 's.template_id')
    .leftJoin('job_openings as j', 'j.id', 't.job_id')
    .select(['t.name as template_name', 'j.title as job_title'])
    .where('s.id', '=', sessionId)
    .where('s.candidate_id', '=', candidateId)
    .executeTakeFirst()
  if (!session) throw new StudioError('not_found', 'This candidate has no such interview')
  const assessment = await db
    .selectFrom('assessments')
    .select(['id', 'skills', 'strengths', 'weaknesses'])
    .where('session_id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (!assessment) throw new StudioError('conflict', 'This interview has no assessment yet')
  const scores = await db
    .selectFrom('assessment_answer_scores')
    .select(['turn_index', 'question_text', 'skill', 'score', 'reason', 'skipped'])
    .where('assessment_id', '=', assessment.id)
    .where('deleted_at', 'is', null)
    .orderBy('turn_index')
    .execute()
  const byTurn = new Map<number, { question: string; skill: string; scores: number[]; notes: string[] }>()
  for (const row of scores) {
    if (row.skipped) continue
    const turn = byTurn.get(row.turn_index) ?? { question: row.question_text, skill: row.skill, scores: [], notes: [] }
    turn.scores.push(row.score)
    turn.notes.push(row.reason)
    byTurn.set(row.turn_index, turn)
  }
  const answers = [...byTurn.values()]
    .filter((a) => clean(a.question) && clean(a.skill))
    .map((a) => ({
      question: a.question,
      skill: a.skill,
      score: Math.round((a.scores.reduce((sum, s) => sum + s, 0) / a.scores.length) * 10) / 10,
      notes: cleanList(a.notes).slice(0, 2),
    }))
  return {
    jobTitle: session.job_title ?? session.template_name,
    answers,
    skills: readJson(assessment.skills, skillScoresSchema, [])
      .filter((s) => clean(s.skill) && clean(s.reason))
      .map((s) => ({ skill: s.skill, score: s.score, reason: s.reason })),
    strengths: cleanList(readJson(assessment.strengths, claimsSchema, []).map((c) => c.text)),
    improvements: cleanList(readJson(assessment.weaknesses, claimsSchema, []).map((c) => c.text)),
  }
}

/** The allowed facts for one screening or one assessed interview of the candidate. */
export async function feedbackFacts(
  db: Kysely<Database>,
  subject: FeedbackSubject,
): Promise<{ facts: FeedbackFacts; email: string | null }> {
  const candidate = await candidateName(db, subject.candidateId)
  const base = {
    firstName: firstName(candidate.name),
    matchedSkills: [],
    missingSkills: [],
    answers: [],
    skills: [],
    strengths: [],
    improvements: [],
  }
  if (subject.sessionId) {
    const found = await assessmentFacts(db, subject.candidateId, subject.sessionId)
    return { facts: { ...base, basis: 'assessment', ...found }, email: candidate.email }
  }
  if (subject.applicationId) {
    const found = await screeningFacts(db, subject.candidateId, subject.applicationId)
    return { facts: { ...base, basis: 'screening', ...found }, email: candidate.email }
  }
  throw new StudioError('invalid_input', 'Choose the screening or the interview the feedback is about')
}
