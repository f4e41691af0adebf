import type { AnswerScoreView, DimensionScoreView } from '../../../../shared/contract/interviews'
import { assessmentDimensionSchema } from '../../../../shared/contract/interviews'
import { answerJudgementSchema } from '../model-output'
import { verifyQuotes } from '../quotes'
import type { SubjectAnswer } from '../subject'
import { ASSESSMENT_TEMPERATURE, PROMPTS, unsupportedNote, type PassContext } from './pass-context'

const NO_ANSWER = 'No answer was given, so there is nothing to quote.'

function rubricText(answer: SubjectAnswer): string {
  const question = answer.question
  const lines = [
    ...(question?.rubric ?? []).map((c) => `- ${c.name} (weight ${c.weight}): ${c.description}`),
    ...(question?.expectedPoints ?? []).map((point) => `- Expected point: ${point}`),
  ]
  return lines.join('\n') || '(no rubric given: judge relevance, completeness, clarity and depth)'
}

export const isUnanswered = (answer: SubjectAnswer) => answer.skipped || !answer.text.trim()

const view = (answer: SubjectAnswer, scores: DimensionScoreView[]): AnswerScoreView => ({
  answerId: answer.id,
  turnIndex: answer.turnIndex,
  questionText: answer.questionText,
  skill: answer.skill,
  isFollowUp: answer.isFollowUp,
  skipped: answer.skipped,
  scores,
})

/**
 * Scores one answer on the four dimensions, keeping only quotes found in that answer's own
 * transcript. An unanswered question is scored 1 without asking the model.
 */
export async function assessAnswer(ctx: PassContext, title: string, answer: SubjectAnswer): Promise<AnswerScoreView> {
  if (isUnanswered(answer)) {
    return view(
      answer,
      assessmentDimensionSchema.options.map((dimension) => ({
        dimension,
        score: 1,
        reason: NO_ANSWER,
        quotes: [],
        supported: false,
        droppedQuotes: 0,
      })),
    )
  }
  const question =
    answer.isFollowUp && answer.question
      ? `${answer.question.text}\nFollow-up: ${answer.questionText}`
      : answer.questionText
  const { messages } = ctx.prompts.render(PROMPTS.perAnswer, {
    job_title: title,
    question,
    skill: answer.skill || 'general',
    rubric: rubricText(answer),
    answer: answer.text,
  })
  const judgement = await ctx.chat.structured({
    messages,
    schema: answerJudgementSchema,
    schemaName: 'answer_assessment',
    temperature: ASSESSMENT_TEMPERATURE,
    maxTokens: 1200,
    signal: ctx.signal,
    scope: { interviewId: ctx.sessionId },
  })
  return view(
    answer,
    assessmentDimensionSchema.options.map((dimension) => {
      const { score, reason, quotes } = judgement[dimension]
      const verified = verifyQuotes(
        quotes.map((text) => ({ turnIndex: answer.turnIndex, text })),
        (turn) => (turn === answer.turnIndex ? answer.text : undefined),
      )
      const supported = verified.quotes.length > 0
      return {
        dimension,
        score,
        reason: supported ? reason.trim() : reason.trim() + unsupportedNote(verified.dropped),
        quotes: verified.quotes,
        supported,
        droppedQuotes: verified.dropped,
      }
    }),
  )
}
