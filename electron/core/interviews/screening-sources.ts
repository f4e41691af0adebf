import type { Kysely } from 'kysely'
import { z } from 'zod'
import { skillLabel } from '../../../shared/contract/screening'
import type { Database } from '../db/schema'
import { readJson } from './json-column'
import type { CandidateSource, JobSource } from './sources'

/*
 * Job and candidate sources read from screening's tables (job_openings, candidates,
 * resume_documents). Only these columns and the shared contract are relied on; screening's modules
 * are not imported.
 */

const skillList = z.array(
  z.object({
    name: z.string(),
    weight: z.number().optional(),
    // "Figma or Adobe XD": either will do, and the interview should know it.
    alternatives: z.array(z.object({ name: z.string() })).optional(),
  }),
)
const likePattern = (search: string) => `%${search.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`

export function jobsFromScreening(db: Kysely<Database>): JobSource {
  return {
    async brief(jobId) {
      const row = await db
        .selectFrom('job_openings')
        .select(['id', 'title', 'description', 'requirements', 'required_skills', 'preferred_skills'])
        .where('id', '=', jobId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (!row) return null
      const byWeight = (text: string) => readJson(text, skillList, []).sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))
      const skills = [...byWeight(row.required_skills), ...byWeight(row.preferred_skills)].map(skillLabel)
      return {
        id: row.id,
        title: row.title,
        description: row.description,
        requirements: row.requirements,
        skills: [...new Set(skills)],
      }
    },
    async titles(jobIds) {
      if (!jobIds.length) return new Map()
      const rows = await db.selectFrom('job_openings').select(['id', 'title']).where('id', 'in', jobIds).execute()
      return new Map(rows.map((r) => [r.id, r.title]))
    },
    async options(search) {
      let query = db
        .selectFrom('job_openings')
        .select(['id', 'title', 'department', 'status'])
        .where('deleted_at', 'is', null)
        .where('status', '!=', 'archived')
        .orderBy('updated_at', 'desc')
        .limit(50)
      if (search.trim()) query = query.where(({ eb }) => eb('title', 'like', likePattern(search.trim())))
      const rows = await query.execute()
      return rows.map((r) => ({
        id: r.id,
        name: r.title,
        detail: [r.department, r.status === 'closed' ? 'closed' : ''].filter(Boolean).join(' · ') || null,
      }))
    },
  }
}

export function candidatesFromScreening(db: Kysely<Database>): CandidateSource {
  return {
    async resumeText(candidateId) {
      const row = await db
        .selectFrom('candidates as c')
        .innerJoin('resume_documents as d', 'd.file_id', 'c.current_file_id')
        .select('d.text')
        .where('c.id', '=', candidateId)
        .where('c.deleted_at', 'is', null)
        .executeTakeFirst()
      return row?.text ?? null
    },
    async options(search) {
      let query = db
        .selectFrom('candidates')
        .select(['id', 'name', 'email', 'current_title'])
        .where('deleted_at', 'is', null)
        .orderBy('updated_at', 'desc')
        .limit(50)
      const term = search.trim()
      if (term)
        query = query.where((eb) =>
          eb.or([eb('name', 'like', likePattern(term)), eb('email', 'like', likePattern(term))]),
        )
      const rows = await query.execute()
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        detail: [r.current_title, r.email].filter(Boolean).join(' · ') || null,
      }))
    },
  }
}
