import type { Kysely } from 'kysely'
import type { AnswerScoreView } from '../../../shared/contract/interviews'
import type { PromptLibrary } from '../ai/prompts/library'
import type { Chat } from '../ai/types'
import type { Database } from '../db/schema'
import type { AssessmentDraft, StoredPassUsage } from './draft'
import { FORMULA_VERSION, overallScore, recommendationFor, recommendationRule } from './formula'
import { integritySignals } from './integrity/signals'
import { assessAcrossAnswers } from './passes/across'
import { summariseOverall } from './passes/overall'
import { ASSESSMENT_TEMPERATURE, PROMPTS, type PassContext } from './passes/pass-context'
import { assessAnswer, isUnanswered } from './passes/per-answer'
import type { AssessmentSubject } from './subject'
import { usageMark, usageSince } from './usage-meter'

export interface AiRunDeps {
  db: Kysely<Database>
  chat: Chat
  prompts: PromptLibrary
  /** The chat model the calls go to, pinned with the assessment. */
  model: string
  resumeText(candidateId: string): Promise<string | null>
}

async function metered<T>(
  db: Kysely<Database>,
  sessionId: string,
  pass: StoredPassUsage['pass'],
  promptVersion: string,
  work: () => Promise<T>,
): Promise<{ value: T; usage: StoredPassUsage }> {
  const mark = await usageMark(db)
  const value = await work()
  return { value, usage: { pass, promptVersion, ...(await usageSince(db, sessionId, mark)) } }
}

/**
 * The three AI passes of one assessment: each answer on its own (in parallel: they are independent),
 * then across answers, then the overall summary. The overall score and the recommendation come from
 * the formula over verified scores, never from the model.
 */
export async function runAiAssessment(
  deps: AiRunDeps,
  subject: AssessmentSubject,
  signal: AbortSignal,
): Promise<AssessmentDraft> {
  const ctx: PassContext = { chat: deps.chat, prompts: deps.prompts, signal, sessionId: subject.sessionId }
  const ref = (id: string) => deps.prompts.get(id).ref
  const answerPrompt = ref(PROMPTS.perAnswer)

  const perAnswer = await metered(deps.db, subject.sessionId, 'per_answer', answerPrompt, () =>
    Promise.all(subject.answers.map((answer) => assessAnswer(ctx, subject.title, answer))),
  )
  const scores: AnswerScoreView[] = perAnswer.value
  const overall = overallScore(
    subject.answers.map((answer, i) => ({
      turnIndex: answer.turnIndex,
      difficulty: answer.difficulty,
      skipped: isUnanswered(answer),
      supportedScores: scores[i]!.scores.filter((d) => d.supported).map((d) => d.score),
    })),
    'supported (relevance, completeness, clarity, depth)',
  )
  const resume = await deps.resumeText(subject.candidateId)
  const across = await metered(deps.db, subject.sessionId, 'across', ref(PROMPTS.across), () =>
    assessAcrossAnswers(ctx, subject, scores, resume),
  )
  const summary = await metered(deps.db, subject.sessionId, 'overall', ref(PROMPTS.overall), () =>
    summariseOverall(ctx, subject, scores, across.value, overall),
  )
  return {
    kind: 'ai',
    rubricVersion: `${subject.rubricRef}/${FORMULA_VERSION}`,
    promptVersion: answerPrompt,
    model: deps.model,
    temperature: ASSESSMENT_TEMPERATURE,
    overallScore: overall.score,
    formula: `${overall.formula} ${recommendationRule()}`,
    recommendation: recommendationFor(overall.score),
    ...summary.value,
    answers: scores,
    skills: across.value.skills,
    boundaries: subject.boundaries,
    consistency: across.value.consistency,
    passes: [perAnswer.usage, across.usage, summary.usage],
    integrity: integritySignals(subject.answers, subject.events),
  }
}
