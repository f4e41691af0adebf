import { z } from 'zod'
import { questionTypeSchema } from '../../../../shared/contract/interviews'

/**
 * What the model must return for question generation. Every field is required (structured-output
 * friendly) and bounded; the result is cleaned again before it becomes a draft question.
 */
export const generatedQuestionSchema = z.object({
  text: z.string().min(10).max(600),
  type: questionTypeSchema,
  skill: z.string().max(80),
  timeLimitSec: z.number().int().min(30).max(600),
  rubric: z
    .array(
      z.object({
        name: z.string().min(1).max(80),
        description: z.string().min(1).max(400),
        weight: z.number().int().min(1).max(5),
      }),
    )
    .min(1)
    .max(5),
  expectedPoints: z.array(z.string().min(1).max(200)).max(6),
})
export type GeneratedQuestion = z.infer<typeof generatedQuestionSchema>

export const generatedSetSchema = z.object({
  questions: z.array(generatedQuestionSchema).min(1).max(12),
})
