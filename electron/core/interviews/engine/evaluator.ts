import { z } from 'zod'
import type { Chat } from '../../ai/types'
import type { Logger } from '../../logger'
import { PROMPT_IDS, type PromptRenderer } from '../prompts'
import { heuristicQuality } from './heuristic'
import type { Evaluation } from './machine'
import type { PlannedQuestion } from './state'

/** What the model returns for one answer; every field is checked before the engine uses it. */
export const aiEvaluationSchema = z.object({
  /** 1 (no real answer) … 5 (excellent for this difficulty). */
  score: z.number().int().min(1).max(5),
  coveredPoints: z.array(z.string().max(200)).max(10),
  note: z.string().max(400),
  followUp: z.string().max(400).nullable(),
})

export interface EvaluatorDeps {
  /** The chat capability, or null when there is no key, no network or the circuit is open. */
  chat(): Chat | null
  /** The chat model in use, kept with each rating it gives. */
  chatModel?(): string
  prompts: PromptRenderer
  logger: Logger
  /** An evaluation slower than this falls back to the heuristic so the candidate is not kept waiting. */
  timeoutMs?: number
}

export interface EvaluationInput {
  sessionId: string
  question: PlannedQuestion
  /** What the candidate was asked: the question itself, or a follow-up to it. */
  asked: { text: string; followUp: boolean }
  answer: string
  skipped: boolean
}

export type AnswerEvaluator = (input: EvaluationInput) => Promise<Evaluation>

function evaluationMessages(prompts: PromptRenderer, input: EvaluationInput) {
  const { question, asked } = input
  const rubric = [
    ...question.rubric.map((c) => `- ${c.name} (weight ${c.weight}): ${c.description}`),
    ...question.expectedPoints.map((point) => `- Expected point: ${point}`),
  ]
  return prompts.render(PROMPT_IDS.answerEvaluation, {
    question_type: question.type,
    difficulty: question.difficulty,
    skill: question.skill || 'general',
    question: asked.followUp ? `${question.text}\nFollow-up: ${asked.text}` : question.text,
    rubric: rubric.join('\n') || '(no rubric given: judge relevance, completeness, clarity and depth)',
    answer: input.answer,
  })
}

/**
 * Rates an answer 0..1 with the model when it is available and answers in time; otherwise with the
 * transparent offline heuristic. A skipped question is 0 without asking anyone.
 */
export function createAnswerEvaluator(deps: EvaluatorDeps): AnswerEvaluator {
  const timeoutMs = deps.timeoutMs ?? 8000
  return async (input) => {
    if (input.skipped) return { quality: 0, source: 'heuristic', note: 'Skipped by the candidate.', followUp: null }
    const heuristic = () => {
      const result = heuristicQuality(input.question, input.answer)
      return { quality: result.quality, source: 'heuristic' as const, note: result.note, followUp: null }
    }
    const chat = deps.chat()
    if (!chat) return heuristic()
    try {
      const prompt = evaluationMessages(deps.prompts, input)
      const result = await chat.structured({
        messages: prompt.messages,
        schema: aiEvaluationSchema,
        schemaName: 'answer_evaluation',
        temperature: 0,
        maxTokens: 400,
        signal: AbortSignal.timeout(timeoutMs),
        scope: { interviewId: input.sessionId },
      })
      return {
        quality: (result.score - 1) / 4,
        source: 'ai',
        note: result.note.trim(),
        followUp: result.followUp,
        provenance: { prompt: prompt.ref, model: deps.chatModel?.() ?? null },
      }
    } catch (error) {
      deps.logger.warn('answer evaluation fell back to the heuristic', {
        sessionId: input.sessionId,
        error: error instanceof Error ? error.message : String(error),
      })
      return heuristic()
    }
  }
}
