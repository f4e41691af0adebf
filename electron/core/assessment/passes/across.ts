import type {
  AnswerScoreView,
  ConsistencyView,
  EvidenceQuote,
  SkillBoundaryView,
  SkillScoreView,
} from '../../../../shared/contract/interviews'
import { acrossAnswersSchema } from '../model-output'
import { verifyQuotes } from '../quotes'
import type { AssessmentSubject } from '../subject'
import { ASSESSMENT_TEMPERATURE, PROMPTS, unsupportedNote, type PassContext } from './pass-context'

export interface AcrossResult {
  skills: SkillScoreView[]
  consistency: ConsistencyView[]
}

export function boundaryLines(boundaries: readonly SkillBoundaryView[]): string {
  return (
    boundaries
      .map(
        (b) =>
          `- ${b.skill}: highest level passed ${b.highestPassed ?? 'none'}, lowest level failed ${b.lowestFailed ?? 'none'}` +
          (b.resolved ? ' (boundary found)' : ' (boundary not found)'),
      )
      .join('\n') || '(no skill was tested at more than one level)'
  )
}

function answerLines(subject: AssessmentSubject, scores: readonly AnswerScoreView[]): string {
  return subject.answers
    .map((answer) => {
      const scored = scores.find((s) => s.answerId === answer.id)
      const figures = scored?.scores.map((d) => `${d.dimension} ${d.score}${d.supported ? '' : ' (unsupported)'}`)
      return [
        `[turn ${answer.turnIndex}] skill: ${answer.skill || 'general'}; level: ${answer.difficulty}${answer.isFollowUp ? '; follow-up' : ''}`,
        `Question: ${answer.questionText}`,
        `Scores: ${figures?.join(', ') ?? 'none'}`,
        `Answer: ${answer.skipped ? '(skipped)' : answer.text}`,
      ].join('\n')
    })
    .join('\n\n')
}

/** Where a cited quote must be found: the answer of that turn, or the resume. */
export function quoteSource(subject: AssessmentSubject, resume: string | null) {
  const byTurn = new Map(subject.answers.map((a) => [a.turnIndex, a.text]))
  return (turnIndex: number | null) => (turnIndex === null ? (resume ?? undefined) : byTurn.get(turnIndex))
}

/** Skill scores and consistency findings across every answer (and the resume), each quote verified. */
export async function assessAcrossAnswers(
  ctx: PassContext,
  subject: AssessmentSubject,
  scores: readonly AnswerScoreView[],
  resume: string | null,
): Promise<AcrossResult> {
  const { messages } = ctx.prompts.render(PROMPTS.across, {
    job_title: subject.title,
    answers: answerLines(subject, scores),
    boundaries: boundaryLines(subject.boundaries),
    resume: resume ?? '',
  })
  const result = await ctx.chat.structured({
    messages,
    schema: acrossAnswersSchema,
    schemaName: 'assessment_across_answers',
    temperature: ASSESSMENT_TEMPERATURE,
    maxTokens: 2000,
    signal: ctx.signal,
    scope: { interviewId: ctx.sessionId },
  })
  const source = quoteSource(subject, resume)
  const verify = (quotes: EvidenceQuote[]) => verifyQuotes(quotes, source)
  return {
    skills: result.skills.map((skill) => {
      const verified = verify(skill.quotes)
      const supported = verified.quotes.length > 0
      return {
        skill: skill.skill,
        score: skill.score,
        reason: supported ? skill.reason : skill.reason + unsupportedNote(verified.dropped),
        quotes: verified.quotes,
        supported,
      }
    }),
    consistency: result.consistency.map((finding) => {
      const verified = verify(finding.quotes)
      return {
        kind: finding.kind,
        text: finding.finding,
        quotes: verified.quotes,
        supported: verified.quotes.length > 0,
      }
    }),
  }
}
