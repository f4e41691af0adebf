import type { Difficulty, FinishReason } from '../../../../shared/contract/interviews'
import { isResolved } from './boundaries'
import { DIFFICULTIES, rankOf, skillKey, type EngineState, type PlannedQuestion } from './state'

/** How many main questions each stage asks when the template has enough of them. */
export const STAGE_RANGE: Record<Difficulty, { min: number; max: number }> = {
  warm_up: { min: 2, max: 3 },
  standard: { min: 5, max: 8 },
  advanced: { min: 3, max: 5 },
}

/** A warm-up goes on to its third question while the candidate still sounds uneasy. */
const WARM_UP_SETTLED_QUALITY = 0.5

export type NextStep = { question: PlannedQuestion; stage: Difficulty } | { finish: FinishReason }

const askedSet = (state: EngineState) => new Set(state.asked)
const askedInStage = (state: EngineState, stage: Difficulty) =>
  state.asked.filter((id) => state.questions.find((q) => q.id === id)?.difficulty === stage)

/** Main questions asked at a stage so far, the one in front of the candidate included. */
const stageCount = (state: EngineState, stage: Difficulty) => askedInStage(state, stage).length

/**
 * Questions still askable at a stage. An advanced question is only worth asking while its skill's
 * boundary is unknown: a skill failed at a lower level, or already passed at advanced, is settled.
 */
export function eligible(state: EngineState, stage: Difficulty): PlannedQuestion[] {
  const asked = askedSet(state)
  return state.questions.filter((q) => {
    if (q.difficulty !== stage || asked.has(q.id)) return false
    if (stage !== 'advanced') return true
    return !isResolved(state.skills[skillKey(q.skill)])
  })
}

/**
 * Each stage's minimum, fitted to what the template holds and to the question limit. When the
 * limit cannot cover every minimum, questions are handed out one at a time in the order standard,
 * advanced, warm-up so every stage that has questions gets some.
 */
export function stageMinimums(state: EngineState): Record<Difficulty, number> {
  const available = (stage: Difficulty) => state.questions.filter((q) => q.difficulty === stage).length
  const want: Record<Difficulty, number> = { warm_up: 0, standard: 0, advanced: 0 }
  for (const stage of DIFFICULTIES) want[stage] = Math.min(STAGE_RANGE[stage].min, available(stage))
  const total = want.warm_up + want.standard + want.advanced
  if (total <= state.limits.maxQuestions) return want

  const given: Record<Difficulty, number> = { warm_up: 0, standard: 0, advanced: 0 }
  let left = state.limits.maxQuestions
  while (left > 0) {
    let progressed = false
    for (const stage of ['standard', 'advanced', 'warm_up'] as const) {
      if (left > 0 && given[stage] < want[stage]) {
        given[stage] += 1
        left -= 1
        progressed = true
      }
    }
    if (!progressed) break
  }
  return given
}

/** Questions a stage is still owed to reach its minimum, as far as it has questions left to ask. */
function owed(state: EngineState, stage: Difficulty, minimums: Record<Difficulty, number>): number {
  const asked = stageCount(state, stage)
  return Math.max(0, Math.min(minimums[stage], asked + eligible(state, stage).length) - asked)
}

/** Questions the later stages are still owed, which the current stage must not spend. */
function reservedAfter(state: EngineState, stage: Difficulty, minimums: Record<Difficulty, number>): number {
  return DIFFICULTIES.filter((later) => rankOf(later) > rankOf(stage)).reduce(
    (sum, later) => sum + owed(state, later, minimums),
    0,
  )
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0)

/** Past its minimum, does the stage still have something to learn? */
function wantsMore(state: EngineState, stage: Difficulty): boolean {
  if (stage === 'warm_up') return mean(state.stageQualities.warm_up) < WARM_UP_SETTLED_QUALITY
  if (stage === 'standard') {
    // A skill not yet heard at standard level still needs a question.
    return eligible(state, 'standard').some((q) => {
      const record = state.skills[skillKey(q.skill)]
      return (
        !record ||
        (record.highestPassed !== 'standard' && record.highestPassed !== 'advanced' && record.lowestFailed === null)
      )
    })
  }
  return eligible(state, 'advanced').length > 0
}

/**
 * Orders a stage's questions: skills not yet asked at this stage first (breadth before depth),
 * then skills the candidate passed one level down (climb where they are strong), then template order.
 */
function pick(state: EngineState, stage: Difficulty): PlannedQuestion | undefined {
  const askedSkills = new Set(
    askedInStage(state, stage).map((id) => skillKey(state.questions.find((q) => q.id === id)!.skill)),
  )
  const below = DIFFICULTIES[rankOf(stage) - 1]
  const passedBelow = (q: PlannedQuestion) => {
    const passed = state.skills[skillKey(q.skill)]?.highestPassed
    return below !== undefined && passed != null && rankOf(passed) >= rankOf(below)
  }
  return [...eligible(state, stage)].sort(
    (a, b) =>
      Number(askedSkills.has(skillKey(a.skill))) - Number(askedSkills.has(skillKey(b.skill))) ||
      Number(!passedBelow(a)) - Number(!passedBelow(b)) ||
      a.position - b.position,
  )[0]
}

function nextScripted(state: EngineState): NextStep {
  const asked = askedSet(state)
  const question = [...state.questions].sort((a, b) => a.position - b.position).find((q) => !asked.has(q.id))
  return question ? { question, stage: question.difficulty } : { finish: 'completed' }
}

/**
 * Why the adaptive interview ends when no stage asks another question: the boundary was found when
 * advanced questions remain but only for skills already settled; otherwise the plan simply ran out.
 */
function adaptiveEnding(state: EngineState): FinishReason {
  const advancedLeft = state.questions.some((q) => q.difficulty === 'advanced' && !state.asked.includes(q.id))
  return advancedLeft && eligible(state, 'advanced').length === 0 ? 'boundary_found' : 'completed'
}

/** The next main question, or why the interview ends. Pure: the same state always gives the same step. */
export function nextStep(state: EngineState): NextStep {
  if (state.asked.length >= state.limits.maxQuestions) return { finish: 'question_limit' }
  if (state.elapsedMs >= state.limits.maxDurationMs) return { finish: 'time_limit' }
  if (state.mode === 'scripted') return nextScripted(state)

  const minimums = stageMinimums(state)
  const from = state.stage === 'done' ? DIFFICULTIES.length : rankOf(state.stage)
  for (const stage of DIFFICULTIES.slice(from)) {
    const count = stageCount(state, stage)
    const candidate = pick(state, stage)
    if (!candidate) continue
    if (count < minimums[stage]) return { question: candidate, stage }
    const spare = state.limits.maxQuestions - state.asked.length - reservedAfter(state, stage, minimums)
    if (count < STAGE_RANGE[stage].max && spare > 0 && wantsMore(state, stage)) return { question: candidate, stage }
  }
  return { finish: adaptiveEnding(state) }
}

/** The planned number of main questions, as the kiosk shows it ("question 4 of 12"). */
export function plannedTotal(state: EngineState): number {
  if (state.mode === 'scripted') return Math.min(state.questions.length, state.limits.maxQuestions)
  if (state.finished) return state.asked.length
  const minimums = stageMinimums(state)
  const current = state.stage === 'done' ? DIFFICULTIES.length : rankOf(state.stage)
  const remaining = DIFFICULTIES.filter((stage) => rankOf(stage) >= current).reduce(
    (sum, stage) => sum + owed(state, stage, minimums),
    0,
  )
  return Math.min(state.limits.maxQuestions, state.asked.length + remaining)
}
