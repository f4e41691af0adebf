import { afterEach, describe, expect, it } from 'vitest'
import type { IntegritySignalView } from '@shared/contract/interviews'
import { assessmentWorld, GOOD_ANSWERS, honestModel, type AssessmentWorld, type ScriptedAnswer } from './world'

const worlds: AssessmentWorld[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
})

const TEXTS = [
  ...GOOD_ANSWERS,
  'Before a release I run the integration suite against a copy of production data and compare the query plans.',
  'I keep caches small and measure hit rates, because a cache nobody hits is only another thing to invalidate.',
]
const RECITED =
  'Consistent hashing maps both keys and nodes onto a ring so that adding or removing a node only moves the keys between it and its neighbour which keeps cache invalidation bounded and rebalancing cheap for large clusters.'

const calm = (text: string): ScriptedAnswer => ({ text, responseDelayMs: 2000, speechMs: 30_000, pauses: 4 })

const brief = (signals: IntegritySignalView[]) =>
  signals.map((s) => [s.kind, s.severity, s.turnIndex]).sort((a, b) => String(a).localeCompare(String(b)))

describe('integrity signals', () => {
  it('finds none in a clean session', async () => {
    const w = await assessmentWorld()
    worlds.push(w)
    w.stub.setScript({ chat: honestModel(TEXTS) })
    const sessionId = await w.interview(TEXTS.map(calm), { retakesAllowed: 1 })
    await w.setKey()
    await w.drainQueue()
    const result = await w.assessments(sessionId)
    expect(result.integrity).toEqual([])
    expect(result.latest!.integrity).toEqual([])
  })

  it('reports each behaviour injected into a scripted session, with severity and evidence, and none of it scores', async () => {
    const w = await assessmentWorld()
    worlds.push(w)
    w.stub.setScript({ chat: honestModel(TEXTS) })
    const typed = TEXTS[4]!
    const sessionId = await w.interview(
      [
        calm(TEXTS[0]!),
        { ...calm(TEXTS[1]!), retake: true },
        { ...calm(TEXTS[2]!), responseDelayMs: 45_000 },
        { text: RECITED, responseDelayMs: 12_000, speechMs: 10_000, pauses: 0 },
        { text: typed, inputMode: 'text', responseDelayMs: 1500, pastedChars: typed.length },
      ],
      {
        retakesAllowed: 1,
        events: [
          { beforeTurn: 0, kind: 'fullscreen_exit' },
          { beforeTurn: 0, kind: 'window:minimized' },
          { beforeTurn: 1, kind: 'focus_lost' },
          { beforeTurn: 1, kind: 'focus_regained', amount: 12_000 },
          { beforeTurn: 2, kind: 'hidden' },
        ],
      },
    )
    const { integrity } = await w.assessments(sessionId)
    expect(brief(integrity)).toEqual(
      brief([
        { kind: 'kiosk_window', severity: 'medium', turnIndex: 0 },
        { kind: 'kiosk_window', severity: 'low', turnIndex: null },
        { kind: 'retake_used', severity: 'low', turnIndex: 1 },
        { kind: 'focus_loss', severity: 'medium', turnIndex: 1 },
        // Hidden and never shown again: how long is unknown, so it is reported at its most serious.
        { kind: 'focus_loss', severity: 'high', turnIndex: 2 },
        { kind: 'answer_latency_outlier', severity: 'medium', turnIndex: 2 },
        { kind: 'silence_then_fluent', severity: 'medium', turnIndex: 3 },
        { kind: 'pasted_answer', severity: 'high', turnIndex: 4 },
      ] as IntegritySignalView[]),
    )
    const evidence = (kind: string) => integrity.find((s) => s.kind === kind)!.evidence
    expect(evidence('answer_latency_outlier')).toBe(
      "Started answering after 45.0 s; this candidate's median was 2.0 s.",
    )
    expect(evidence('silence_then_fluent')).toMatch(/^12\.0 s of silence, then 222 words\/min with 0\.0 pauses\/min/u)
    expect(evidence('pasted_answer')).toBe(
      `${typed.length} of the typed answer's ${typed.length} characters were pasted (100%).`,
    )
    expect(integrity.find((s) => s.kind === 'focus_loss' && s.turnIndex === 1)!.evidence).toBe(
      'The interview window lost focus for 12.0 s.',
    )
    expect(integrity.find((s) => s.kind === 'kiosk_window' && s.turnIndex === null)!.evidence).toBe(
      'The kiosk window reported "minimized".',
    )

    // Stored with the assessment, and the score is what the same answers earn in a clean session.
    await w.setKey()
    await w.drainQueue()
    const { latest } = await w.assessments(sessionId)
    expect(brief(latest!.integrity)).toEqual(brief(integrity))
    expect(latest!.overallScore).toBe(75)
    expect(latest!.recommendation).toBe('hire')
  })
})
