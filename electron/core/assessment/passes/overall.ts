import type { AnswerScoreView, ClaimView, EvidenceQuote } from '../../../../shared/contract/interviews'
import { overallSummarySchema } from '../model-output'
import { verifyQuotes } from '../quotes'
import type { AssessmentSubject } from '../subject'
import { boundaryLines, quoteSource, type AcrossResult } from './across'
import { ASSESSMENT_TEMPERATURE, PROMPTS, type PassContext } from './pass-context'

export interface OverallResult {
  strengths: ClaimView[]
  weaknesses: ClaimView[]
  nextSteps: string[]
}

const quoted = (quotes: readonly EvidenceQuote[]) =>
  quotes.map((q) => `"${q.text}" (turn ${q.turnIndex ?? 'resume'})`).join('; ')

function summaryText(
  subject: AssessmentSubject,
  scores: readonly AnswerScoreView[],
  across: AcrossResult,
  overall: { score: number; formula: string },
): string {
  const perAnswer = scores.map(
    (answer) =>
      `[turn ${answer.turnIndex}] ${answer.questionText}\n` +
      answer.scores
        .map((d) => `  ${d.dimension} ${d.score}: ${d.reason}${d.quotes.length ? ` Quotes: ${quoted(d.quotes)}` : ''}`)
        .join('\n'),
  )
  return [
    'Per-answer scores:',
    ...perAnswer,
    '',
    'Skill scores:',
    ...across.skills.map((s) => `- ${s.skill} ${s.score}: ${s.reason}`),
    '',
    'Skill boundaries:',
    boundaryLines(subject.boundaries),
    '',
    'Consistency:',
    ...(across.consistency.length ? across.consistency.map((c) => `- ${c.kind}: ${c.text}`) : ['(no findings)']),
    '',
    `Overall score: ${overall.score} (${overall.formula})`,
  ].join('\n')
}

/** Strengths and weaknesses with verified evidence, and next steps for the recruiter. */
export async function summariseOverall(
  ctx: PassContext,
  subject: AssessmentSubject,
  scores: readonly AnswerScoreView[],
  across: AcrossResult,
  overall: { score: number; formula: string },
): Promise<OverallResult> {
  const { messages } = ctx.prompts.render(PROMPTS.overall, {
    job_title: subject.title,
    summary: summaryText(subject, scores, across, overall),
  })
  const result = await ctx.chat.structured({
    messages,
    schema: overallSummarySchema,
    schemaName: 'assessment_overall',
    temperature: ASSESSMENT_TEMPERATURE,
    maxTokens: 1500,
    signal: ctx.signal,
    scope: { interviewId: ctx.sessionId },
  })
  // Strengths and weaknesses are judged on the interview; the resume is not quoted here.
  const source = quoteSource(subject, null)
  const claim = (c: { point: string; quotes: EvidenceQuote[] }): ClaimView => {
    const verified = verifyQuotes(c.quotes, source)
    return { text: c.point, quotes: verified.quotes, supported: verified.quotes.length > 0 }
  }
  return {
    strengths: result.strengths.map(claim),
    weaknesses: result.weaknesses.map(claim),
    nextSteps: result.nextSteps.map((step) => step.trim()),
  }
}
