import { z } from 'zod'
import { assessmentDimensionSchema } from '../../../shared/contract/interviews'

/*
 * What each assessment pass asks the model for. Every field is checked before it is used, and every
 * quote is verified against the transcript afterwards (quotes.ts): the schema only guarantees shape.
 */

const reason = z.string().max(300)
const quoteText = z.string().min(1).max(400)

const dimensionJudgement = z.object({
  score: z.number().int().min(1).max(5),
  reason,
  quotes: z.array(quoteText).max(5),
})

export const answerJudgementSchema = z.object(
  Object.fromEntries(assessmentDimensionSchema.options.map((d) => [d, dimensionJudgement])) as Record<
    z.infer<typeof assessmentDimensionSchema>,
    typeof dimensionJudgement
  >,
)
export type AnswerJudgement = z.infer<typeof answerJudgementSchema>

/** A quote from a named answer (its turn index) or, when null, from the resume. */
const citedQuote = z.object({ turnIndex: z.number().int().min(0).nullable(), text: quoteText })

export const acrossAnswersSchema = z.object({
  skills: z
    .array(
      z.object({
        skill: z.string().min(1).max(80),
        score: z.number().int().min(1).max(5),
        reason,
        quotes: z.array(citedQuote).max(5),
      }),
    )
    .max(20),
  consistency: z
    .array(
      z.object({
        kind: z.enum(['consistent', 'contradiction', 'resume_mismatch']),
        finding: reason,
        quotes: z.array(citedQuote).max(6),
      }),
    )
    .max(10),
})
export type AcrossAnswers = z.infer<typeof acrossAnswersSchema>

const claim = z.object({ point: reason, quotes: z.array(citedQuote).max(4) })

export const overallSummarySchema = z.object({
  strengths: z.array(claim).max(6),
  weaknesses: z.array(claim).max(6),
  nextSteps: z.array(z.string().min(1).max(300)).max(6),
})
export type OverallSummary = z.infer<typeof overallSummarySchema>
