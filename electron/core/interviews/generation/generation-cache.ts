import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Difficulty } from '../../../../shared/contract/interviews'
import type { Database } from '../../db/schema'
import { readJson } from '../json-column'
import type { JobBrief } from '../sources'
import { generatedQuestionSchema, type GeneratedQuestion } from './generated-schema'

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

export interface CacheKeyParts {
  job: JobBrief
  difficulty: Difficulty
  count: number
  resumeText: string | null
  promptVersion: string
}

/**
 * The same job text, difficulty, count, resume and prompt version is the same request. Editing
 * the job or the prompt makes a new key, so a stale set is never served for a changed request.
 */
export function generationCacheKey(parts: CacheKeyParts): { key: string; resumeHash: string | null } {
  const resumeHash = parts.resumeText === null ? null : sha256(parts.resumeText)
  const jobHash = sha256(
    JSON.stringify([parts.job.title, parts.job.description, parts.job.requirements, parts.job.skills]),
  )
  const key = sha256(
    JSON.stringify([parts.job.id, jobHash, parts.difficulty, parts.count, resumeHash, parts.promptVersion]),
  )
  return { key, resumeHash }
}

const cached = z.array(generatedQuestionSchema)

export function createGenerationCache(db: Kysely<Database>, now: () => number) {
  return {
    async get(key: string): Promise<GeneratedQuestion[] | null> {
      const row = await db
        .selectFrom('question_generation_cache')
        .select('questions')
        .where('cache_key', '=', key)
        .executeTakeFirst()
      if (!row) return null
      const questions = readJson(row.questions, cached, [])
      return questions.length ? questions : null
    },
    async put(
      key: string,
      parts: CacheKeyParts,
      resumeHash: string | null,
      questions: GeneratedQuestion[],
    ): Promise<void> {
      await db
        .insertInto('question_generation_cache')
        .values({
          cache_key: key,
          job_id: parts.job.id,
          difficulty: parts.difficulty,
          resume_hash: resumeHash,
          prompt_version: parts.promptVersion,
          questions: JSON.stringify(questions),
          created_at: now(),
        })
        .onConflict((oc) => oc.column('cache_key').doNothing())
        .execute()
    },
  }
}
