import type { Difficulty, Recommendation } from '../../../shared/contract/interviews'

/** Bumped whenever the weights or thresholds below change, so a stored score says which formula made it. */
export const FORMULA_VERSION = 'overall.v1'

/** Harder questions say more about the candidate, so they weigh more. */
export const DIFFICULTY_WEIGHT: Record<Difficulty, number> = { warm_up: 1, standard: 2, advanced: 3 }

/** Score bands of the advisory recommendation: hire from HIRE_FROM, consider from CONSIDER_FROM. */
export const HIRE_FROM = 70
export const CONSIDER_FROM = 50

export interface FormulaAnswer {
  turnIndex: number
  difficulty: Difficulty
  skipped: boolean
  /** The answer's scores (1..5) that are backed by verified evidence; unbacked ones are not counted. */
  supportedScores: number[]
}

export interface OverallScore {
  /** 0..100, one decimal. */
  score: number
  /** The formula and its figures, written for the recruiter. */
  formula: string
}

const round1 = (value: number) => Math.round(value * 10) / 10

/**
 * overall = 100 × Σ w·(s − 1)/4 ÷ Σ w over the answers, where s is an answer's mean supported score
 * and w its question's difficulty weight. A skipped question counts as s = 1; an answer with no
 * supported score is left out rather than guessed, and the formula names it.
 */
export function overallScore(answers: readonly FormulaAnswer[], basis: string): OverallScore {
  const terms: string[] = []
  const leftOut: number[] = []
  let weighted = 0
  let weights = 0
  for (const answer of answers) {
    const w = DIFFICULTY_WEIGHT[answer.difficulty]
    const scores = answer.skipped ? [1] : answer.supportedScores
    if (!scores.length) {
      leftOut.push(answer.turnIndex)
      continue
    }
    const s = scores.reduce((a, b) => a + b, 0) / scores.length
    weighted += (w * (s - 1)) / 4
    weights += w
    terms.push(`turn ${answer.turnIndex}: w ${w}, s ${round1(s)}${answer.skipped ? ' (skipped)' : ''}`)
  }
  const score = weights ? round1((100 * weighted) / weights) : 0
  const formula =
    `overall = 100 × Σ w·(s − 1)/4 ÷ Σ w = ${score}, where s is an answer's mean ${basis} score (1–5) and w its ` +
    `question's weight (warm-up ${DIFFICULTY_WEIGHT.warm_up}, standard ${DIFFICULTY_WEIGHT.standard}, advanced ` +
    `${DIFFICULTY_WEIGHT.advanced}); a skipped question counts as s = 1. ` +
    (terms.length ? `Figures: ${terms.join('; ')}.` : 'No answer could be counted.') +
    (leftOut.length ? ` Left out for lack of verified evidence: turn ${leftOut.join(', ')}.` : '')
  return { score, formula }
}

/** Advisory only, and only from an AI assessment: the recruiter decides. */
export function recommendationFor(score: number): Recommendation {
  if (score >= HIRE_FROM) return 'hire'
  if (score >= CONSIDER_FROM) return 'consider'
  return 'reject'
}

export const recommendationRule = () =>
  `Advisory recommendation: hire from ${HIRE_FROM}, consider from ${CONSIDER_FROM}, otherwise reject; a recruiter decides.`
