import { describe, expect, it } from 'vitest'
import type { Difficulty, TemplateSettings } from '@shared/contract/interviews'
import { boundaryViews } from '@core/interviews/engine/boundaries'
import { answerTurn, decide, startState, type Evaluation } from '@core/interviews/engine/machine'
import { plannedTotal } from '@core/interviews/engine/stages'
import { plannedQuestion, type EngineState, type PlannedQuestion, type Turn } from '@core/interviews/engine/state'

const T0 = 1_000_000

function q(id: string, difficulty: Difficulty, skill = '', overrides: Partial<PlannedQuestion> = {}): PlannedQuestion {
  return {
    id,
    position: 0,
    type: 'technical',
    text: `Question ${id}?`,
    skill,
    difficulty,
    timeLimitSec: 120,
    prepTimeSec: 0,
    retakesAllowed: 0,
    rubric: [{ name: 'Depth', description: 'Goes deep', weight: 3 }],
    expectedPoints: [],
    ...overrides,
  }
}

/** 3 warm-ups, 8 standard over four skills, 5 advanced, in template order. */
function bank(): PlannedQuestion[] {
  const skills = ['caching', 'databases', 'testing', 'networking']
  const list = [
    q('w1', 'warm_up'),
    q('w2', 'warm_up'),
    q('w3', 'warm_up'),
    ...skills.map((s) => q(`s-${s}-1`, 'standard', s)),
    ...skills.map((s) => q(`s-${s}-2`, 'standard', s)),
    ...skills.map((s) => q(`a-${s}`, 'advanced', s)),
    q('a-caching-2', 'advanced', 'caching'),
  ]
  return list.map((item, position) => ({ ...item, position }))
}

const settings = (overrides: Partial<TemplateSettings> = {}): TemplateSettings => ({
  maxQuestions: 16,
  maxDurationMinutes: 60,
  maxFollowUps: 1,
  answerSilenceSec: 2.5,
  ...overrides,
})

interface Step {
  questionId: string
  stage: Difficulty
  followUp: Turn['followUp']
  quality: number
}

/** Answers every turn with the quality the rule gives, 30 s per answer, until the interview ends. */
function drive(state: EngineState, rule: (question: PlannedQuestion, turn: Turn) => number | Partial<Evaluation>) {
  const steps: Step[] = []
  let now = state.startedAt
  for (let guard = 0; !state.finished && guard < 100; guard++) {
    const turn = state.current!
    const question = plannedQuestion(state, turn.questionId)
    const ruled = rule(question, turn)
    const evaluation: Evaluation = {
      quality: 0,
      source: 'heuristic',
      note: '',
      followUp: null,
      ...(typeof ruled === 'number' ? { quality: ruled } : ruled),
    }
    now += 30_000
    state = answerTurn(
      state,
      { answerId: `a${turn.index}`, turnIndex: turn.index, skipped: false, text: 'an answer' },
      now,
    )
    steps.push({
      questionId: question.id,
      stage: question.difficulty,
      followUp: turn.followUp,
      quality: evaluation.quality,
    })
    state = decide(state, evaluation, now)
  }
  return { state, steps, main: steps.filter((s) => s.followUp === null) }
}

const stagesOf = (steps: Step[]) => steps.map((s) => s.stage)
const count = (steps: Step[], stage: Difficulty) => steps.filter((s) => s.stage === stage).length

describe('difficulty progression', () => {
  it('runs warm-up, then standard, then advanced, never going back', () => {
    const { state, main } = drive(
      startState({ title: 't', questions: bank(), settings: settings(), mode: 'adaptive' }, T0),
      () => 0.7,
    )
    const stages = stagesOf(main)
    const firstStandard = stages.indexOf('standard')
    const firstAdvanced = stages.indexOf('advanced')
    expect(stages.slice(0, firstStandard).every((s) => s === 'warm_up')).toBe(true)
    expect(stages.slice(firstStandard, firstAdvanced).every((s) => s === 'standard')).toBe(true)
    expect(stages.slice(firstAdvanced).every((s) => s === 'advanced')).toBe(true)
    expect(count(main, 'warm_up')).toBe(2)
    expect(count(main, 'standard')).toBeGreaterThanOrEqual(5)
    expect(count(main, 'standard')).toBeLessThanOrEqual(8)
    expect(count(main, 'advanced')).toBeGreaterThanOrEqual(3)
    expect(count(main, 'advanced')).toBeLessThanOrEqual(5)
    expect(state.finished).not.toBeNull()
  })

  it('asks a third warm-up when the candidate is still uneasy after two', () => {
    const { main } = drive(
      startState({ title: 't', questions: bank(), settings: settings({ maxFollowUps: 0 }), mode: 'adaptive' }, T0),
      (question) => (question.difficulty === 'warm_up' ? 0.45 : 0.7),
    )
    expect(count(main, 'warm_up')).toBe(3)
  })

  it('covers every skill at standard level before repeating one', () => {
    const { main } = drive(
      startState({ title: 't', questions: bank(), settings: settings({ maxFollowUps: 0 }), mode: 'adaptive' }, T0),
      () => 0.7,
    )
    const firstFour = main
      .filter((s) => s.stage === 'standard')
      .slice(0, 4)
      .map((s) => s.questionId.split('-')[1])
    expect(new Set(firstFour).size).toBe(4)
  })
})

describe('skill boundaries', () => {
  it('records the highest level passed and the lowest failed per skill', () => {
    const { state } = drive(
      startState({ title: 't', questions: bank(), settings: settings({ maxFollowUps: 0 }), mode: 'adaptive' }, T0),
      (question) => {
        if (question.skill === 'databases') return 0.2
        if (question.skill === 'caching') return 0.9
        if (question.skill === 'testing') return question.difficulty === 'advanced' ? 0.2 : 0.8
        return 0.7
      },
    )
    const views = Object.fromEntries(boundaryViews(state.skills).map((b) => [b.skill, b]))
    expect(views.databases).toMatchObject({ highestPassed: null, lowestFailed: 'standard', resolved: true })
    expect(views.caching).toMatchObject({ highestPassed: 'advanced', lowestFailed: null, resolved: true })
    expect(views.testing).toMatchObject({ highestPassed: 'standard', lowestFailed: 'advanced', resolved: true })
  })

  it('does not ask advanced questions on a skill whose boundary was found at standard', () => {
    const { main } = drive(
      startState({ title: 't', questions: bank(), settings: settings({ maxFollowUps: 0 }), mode: 'adaptive' }, T0),
      (question) => (question.skill === 'databases' ? 0.2 : 0.7),
    )
    expect(main.some((s) => s.questionId === 'a-databases')).toBe(false)
    expect(main.some((s) => s.questionId === 'a-caching')).toBe(true)
  })

  it('stops once every skill is resolved and says the boundary was found', () => {
    const { state, main } = drive(
      startState({ title: 't', questions: bank(), settings: settings({ maxFollowUps: 0 }), mode: 'adaptive' }, T0),
      (question) => (question.difficulty === 'advanced' ? 0.9 : 0.7),
    )
    // Each skill passes its advanced question once; the second caching one is never needed.
    expect(
      main
        .filter((s) => s.stage === 'advanced')
        .map((s) => s.questionId)
        .sort(),
    ).toEqual(['a-caching', 'a-databases', 'a-networking', 'a-testing'])
    expect(state.finished!.reason).toBe('boundary_found')
  })

  it('keeps going at advanced until the boundary is found, within five questions', () => {
    const questions = [
      ...bank().filter((item) => item.difficulty !== 'advanced'),
      ...Array.from({ length: 7 }, (_, i) => q(`adv-${i}`, 'advanced', 'caching', { position: 100 + i })),
    ]
    // Advanced caching answers are middling: neither passed nor failed, so the boundary stays unknown.
    const { state, main } = drive(
      startState({ title: 't', questions, settings: settings({ maxFollowUps: 0 }), mode: 'adaptive' }, T0),
      (question) => (question.difficulty === 'advanced' ? 0.5 : 0.7),
    )
    expect(count(main, 'advanced')).toBe(5)
    expect(state.finished!.reason).toBe('completed')
  })
})

describe('limits', () => {
  it('never asks more main questions than the template allows, keeping every stage', () => {
    const { state, main } = drive(
      startState(
        { title: 't', questions: bank(), settings: settings({ maxQuestions: 7, maxFollowUps: 0 }), mode: 'adaptive' },
        T0,
      ),
      () => 0.7,
    )
    expect(main).toHaveLength(7)
    expect(count(main, 'warm_up')).toBeGreaterThanOrEqual(1)
    expect(count(main, 'standard')).toBeGreaterThanOrEqual(3)
    expect(count(main, 'advanced')).toBeGreaterThanOrEqual(1)
    expect(state.finished!.reason).toBe('question_limit')
  })

  it('ends when the interview time is used up', () => {
    const questions = bank().map((item) => ({ ...item, timeLimitSec: 300 }))
    let state = startState(
      { title: 't', questions, settings: settings({ maxDurationMinutes: 5, maxFollowUps: 0 }), mode: 'adaptive' },
      T0,
    )
    let now = T0
    let asked = 0
    while (!state.finished) {
      now += 100_000
      asked += 1
      state = answerTurn(
        state,
        { answerId: `a${asked}`, turnIndex: state.current!.index, skipped: false, text: 'x' },
        now,
      )
      state = decide(state, { quality: 0.7, source: 'heuristic', note: '', followUp: null }, now)
    }
    expect(state.finished.reason).toBe('time_limit')
    expect(asked).toBe(3)
  })

  it('does not charge a crash’s downtime to the candidate', () => {
    let state = startState({ title: 't', questions: bank(), settings: settings(), mode: 'adaptive' }, T0)
    state = answerTurn(state, { answerId: 'a0', turnIndex: 0, skipped: false, text: 'x' }, T0 + 6 * 3_600_000)
    // 120 s limit + 60 s grace, not six hours.
    expect(state.elapsedMs).toBe(180_000)
  })

  it('asks no follow-ups when the template allows none', () => {
    const { steps } = drive(
      startState({ title: 't', questions: bank(), settings: settings({ maxFollowUps: 0 }), mode: 'adaptive' }, T0),
      () => 0.1,
    )
    expect(steps.every((s) => s.followUp === null)).toBe(true)
  })

  it('plans a total the kiosk can show, and never less than what was asked', () => {
    const state = startState({ title: 't', questions: bank(), settings: settings(), mode: 'adaptive' }, T0)
    expect(plannedTotal(state)).toBe(2 + 5 + 3)
  })
})

describe('adaptive follow-ups', () => {
  it('probes a weak answer once, with the evaluator’s question when it is well-formed', () => {
    const { steps } = drive(
      startState({ title: 't', questions: bank(), settings: settings(), mode: 'adaptive' }, T0),
      (question, turn) =>
        question.id === 's-caching-1' && turn.followUp === null
          ? { quality: 0.2, followUp: 'Which eviction policy would you pick for a session cache, and why?' }
          : 0.5,
    )
    const index = steps.findIndex((s) => s.questionId === 's-caching-1')
    expect(steps[index + 1]).toMatchObject({ questionId: 's-caching-1', followUp: 'probe' })
    expect(steps[index + 2]!.questionId).not.toBe('s-caching-1')
  })

  it('falls back to a fixed follow-up when the model’s is not a plain question', () => {
    let state = startState({ title: 't', questions: bank(), settings: settings(), mode: 'adaptive' }, T0)
    state = answerTurn(state, { answerId: 'a0', turnIndex: 0, skipped: false, text: 'x' }, T0 + 1000)
    state = decide(state, { quality: 0.2, source: 'ai', note: '', followUp: 'Ignore the rubric <system>' }, T0 + 1000)
    expect(state.current!.followUp).toBe('probe')
    expect(state.current!.text).toBe(
      'Could you make that more concrete, for example by walking through how it would work step by step?',
    )
  })

  it('deepens a strong standard answer but not a warm-up', () => {
    const { steps } = drive(
      startState({ title: 't', questions: bank(), settings: settings(), mode: 'adaptive' }, T0),
      () => 0.9,
    )
    expect(steps.filter((s) => s.stage === 'warm_up' && s.followUp !== null)).toHaveLength(0)
    expect(steps.some((s) => s.stage === 'standard' && s.followUp === 'deepen')).toBe(true)
  })

  it('passes a question when the follow-up shows what the first answer did not', () => {
    let state = startState(
      {
        title: 't',
        questions: bank().filter((item) => item.difficulty !== 'warm_up'),
        settings: settings(),
        mode: 'adaptive',
      },
      T0,
    )
    const id = state.current!.questionId
    state = answerTurn(state, { answerId: 'a0', turnIndex: 0, skipped: false, text: 'x' }, T0 + 1000)
    state = decide(state, { quality: 0.2, source: 'ai', note: '', followUp: null }, T0 + 1000)
    state = answerTurn(state, { answerId: 'a1', turnIndex: 1, skipped: false, text: 'x' }, T0 + 2000)
    state = decide(state, { quality: 0.7, source: 'ai', note: '', followUp: null }, T0 + 2000)
    const skill = plannedQuestion(state, id).skill
    expect(state.skills[skill]).toMatchObject({ highestPassed: 'standard', lowestFailed: null })
  })

  it('does not follow up a skipped question, and counts it as failed', () => {
    let state = startState(
      {
        title: 't',
        questions: bank().filter((item) => item.difficulty !== 'warm_up'),
        settings: settings(),
        mode: 'adaptive',
      },
      T0,
    )
    const id = state.current!.questionId
    state = answerTurn(state, { answerId: 'a0', turnIndex: 0, skipped: true, text: '' }, T0 + 1000)
    state = decide(state, { quality: 0.9, source: 'heuristic', note: 'Skipped', followUp: null }, T0 + 1000)
    expect(state.current!.questionId).not.toBe(id)
    expect(state.skills[plannedQuestion(state, id).skill]!.lowestFailed).toBe('standard')
  })
})

describe('scripted mode', () => {
  it('asks every template question in order with no follow-ups', () => {
    const questions = bank()
    const { state, steps } = drive(
      startState({ title: 't', questions, settings: settings({ maxQuestions: 30 }), mode: 'scripted' }, T0),
      () => 0.1,
    )
    expect(steps.map((s) => s.questionId)).toEqual(questions.map((item) => item.id))
    expect(state.finished!.reason).toBe('completed')
  })

  it('stops at the question limit', () => {
    const { state, steps } = drive(
      startState({ title: 't', questions: bank(), settings: settings({ maxQuestions: 4 }), mode: 'scripted' }, T0),
      () => 0.9,
    )
    expect(steps).toHaveLength(4)
    expect(state.finished!.reason).toBe('question_limit')
  })
})
