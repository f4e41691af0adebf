import type { Kysely } from 'kysely'
import { StudioError } from '../../../../shared/contract/errors'
import type { Difficulty, GenerationResult } from '../../../../shared/contract/interviews'
import type { Chat } from '../../ai/types'
import type { Clock } from '../../clock'
import type { Database } from '../../db/schema'
import type { Logger } from '../../logger'
import type { PromptRenderer } from '../prompts'
import type { QuestionInputParsed, QuestionsService } from '../questions/questions-service'
import type { CandidateSource, JobSource } from '../sources'
import type { TemplatesService } from '../templates/templates-service'
import { stripInvisible } from '../untrusted-text'
import { createGenerationCache, generationCacheKey } from './generation-cache'
import { renderGenerationPrompt } from './generation-prompt'
import { generatedSetSchema, type GeneratedQuestion } from './generated-schema'

export const DEFAULT_COUNT: Record<Difficulty, number> = { warm_up: 3, standard: 6, advanced: 4 }

export interface QuestionGeneratorDeps {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  chat(): Chat | null
  prompts: PromptRenderer
  jobs: JobSource
  candidates: CandidateSource
  templates: TemplatesService
  questions: QuestionsService
}

export interface GenerateInput {
  templateId: string
  difficulty: Difficulty
  count?: number
  candidateId?: string
}

const oneLine = (text: string) => stripInvisible(text).replace(/\s+/gu, ' ').trim()

/** Model output turned into draft questions: cleaned, bounded, and without repeats of the template. */
export function toDraftQuestions(
  generated: GeneratedQuestion[],
  difficulty: Difficulty,
  existing: string[],
): QuestionInputParsed[] {
  const seen = new Set(existing.map((text) => text.trim().toLowerCase()))
  const drafts: QuestionInputParsed[] = []
  for (const q of generated) {
    const text = oneLine(q.text)
    if (text.length < 10 || seen.has(text.toLowerCase())) continue
    seen.add(text.toLowerCase())
    drafts.push({
      type: q.type,
      text,
      skill: oneLine(q.skill).slice(0, 80),
      difficulty,
      timeLimitSec: q.timeLimitSec,
      prepTimeSec: q.type === 'behavioural_star' ? 30 : 0,
      retakesAllowed: 0,
      rubric: q.rubric.map((c) => ({ name: oneLine(c.name), description: oneLine(c.description), weight: c.weight })),
      expectedPoints: q.expectedPoints.map(oneLine).filter(Boolean),
    })
  }
  return drafts
}

/**
 * Generates questions for a draft template from its job (and optionally a candidate's resume)
 * and appends them as editable drafts. Results are cached by request, so asking again costs nothing.
 */
export function createQuestionGenerator(deps: QuestionGeneratorDeps) {
  const cache = createGenerationCache(deps.db, () => deps.clock.now())

  return async function generate(input: GenerateInput): Promise<GenerationResult> {
    const template = await deps.templates.get(input.templateId)
    if (template.status !== 'draft')
      throw new StudioError('conflict', 'Questions can only be added to a draft template')
    if (!template.jobId)
      throw new StudioError('conflict', 'Link this template to a job first: questions are generated from the job')
    const job = await deps.jobs.brief(template.jobId)
    if (!job) throw new StudioError('not_found', 'The job this template is linked to no longer exists')
    let resumeText: string | null = null
    if (input.candidateId) {
      resumeText = await deps.candidates.resumeText(input.candidateId)
      if (!resumeText?.trim())
        throw new StudioError('not_found', 'That candidate has no resume text to tailor questions to')
    }

    const count = input.count ?? DEFAULT_COUNT[input.difficulty]
    const prompt = renderGenerationPrompt(deps.prompts, { job, difficulty: input.difficulty, count, resumeText })
    const parts = { job, difficulty: input.difficulty, count, resumeText, promptVersion: prompt.ref }
    const { key, resumeHash } = generationCacheKey(parts)
    let generated = await cache.get(key)
    const cached = generated !== null
    if (!generated) {
      const chat = deps.chat()
      if (!chat) {
        throw new StudioError(
          'unavailable',
          'Question generation needs an OpenAI key and a network connection. Add questions by hand, or try again when online.',
        )
      }
      try {
        const result = await chat.structured({
          messages: prompt.messages,
          schema: generatedSetSchema,
          schemaName: 'interview_questions',
          temperature: 0.7,
          maxTokens: 4000,
          scope: { jobId: job.id },
        })
        generated = result.questions.slice(0, count)
      } catch (error) {
        deps.logger.warn('question generation failed', {
          jobId: job.id,
          error: error instanceof Error ? error.message : String(error),
        })
        const reason = error instanceof Error ? error.message : 'the AI service did not answer'
        throw new StudioError('unavailable', `Questions could not be generated: ${reason}`)
      }
      await cache.put(key, parts, resumeHash, generated)
    }

    const drafts = toDraftQuestions(
      generated,
      input.difficulty,
      template.questions.map((q) => q.text),
    )
    await deps.db.transaction().execute((trx) => deps.questions.append(trx, template.id, drafts, 'generated'))
    return { template: await deps.templates.get(template.id), added: drafts.length, cached }
  }
}
