import type { IntegritySignalView } from '../../../../shared/contract/interviews'
import { median, seconds, wordCount, type IntegrityAnswer } from './inputs'

/*
 * Signals read from how answers were given: timing, fluency and pasting. Each compares an answer
 * with the same candidate's other answers, never with other people, and needs a few answers to
 * compare against: one slow start in a two-question interview says nothing.
 */

const MIN_ANSWERS_TO_COMPARE = 3
/** A start this many times the candidate's median, and at least LATENCY_MARGIN_MS later than it, stands out. */
const LATENCY_FACTOR = 3
const LATENCY_MARGIN_MS = 15_000
const LATENCY_MEDIUM_MARGIN_MS = 30_000
/** Silence before speaking that is long enough to read or look something up. */
const LONG_SILENCE_MS = 10_000
/** Then speech this much faster than the candidate's median, with at most half their usual pauses. */
const FLUENCY_FACTOR = 1.25

const answered = (answers: readonly IntegrityAnswer[]) => answers.filter((a) => !a.skipped && a.text.trim())

export function latencyOutliers(answers: readonly IntegrityAnswer[]): IntegritySignalView[] {
  const given = answered(answers)
  if (given.length < MIN_ANSWERS_TO_COMPARE) return []
  const typical = median(given.map((a) => a.responseDelayMs))
  return given
    .filter((a) => a.responseDelayMs >= Math.max(LATENCY_FACTOR * typical, typical + LATENCY_MARGIN_MS))
    .map((a) => ({
      kind: 'answer_latency_outlier',
      severity: a.responseDelayMs >= typical + LATENCY_MEDIUM_MARGIN_MS ? 'medium' : 'low',
      turnIndex: a.turnIndex,
      evidence: `Started answering after ${seconds(a.responseDelayMs)}; this candidate's median was ${seconds(typical)}.`,
      occurredAt: null,
    }))
}

interface Fluency {
  answer: IntegrityAnswer
  wordsPerMinute: number
  pausesPerMinute: number
}

export function silenceThenFluent(answers: readonly IntegrityAnswer[]): IntegritySignalView[] {
  const spoken: Fluency[] = answered(answers)
    .filter((a) => a.inputMode === 'voice' && a.speechMs > 0)
    .map((a) => ({
      answer: a,
      wordsPerMinute: wordCount(a.text) / (a.speechMs / 60_000),
      pausesPerMinute: a.pauses / (a.speechMs / 60_000),
    }))
  if (spoken.length < MIN_ANSWERS_TO_COMPARE) return []
  const signals: IntegritySignalView[] = []
  for (const f of spoken) {
    if (f.answer.responseDelayMs < LONG_SILENCE_MS) continue
    const others = spoken.filter((o) => o !== f)
    const typicalPace = median(others.map((o) => o.wordsPerMinute))
    const typicalPauses = median(others.map((o) => o.pausesPerMinute))
    if (f.wordsPerMinute < FLUENCY_FACTOR * typicalPace || f.pausesPerMinute > typicalPauses / 2) continue
    signals.push({
      kind: 'silence_then_fluent',
      severity: 'medium',
      turnIndex: f.answer.turnIndex,
      evidence:
        `${seconds(f.answer.responseDelayMs)} of silence, then ${Math.round(f.wordsPerMinute)} words/min with ` +
        `${f.pausesPerMinute.toFixed(1)} pauses/min (this candidate's other answers: ${Math.round(typicalPace)} ` +
        `words/min, ${typicalPauses.toFixed(1)} pauses/min).`,
      occurredAt: null,
    })
  }
  return signals
}

export function pastedAnswers(answers: readonly IntegrityAnswer[]): IntegritySignalView[] {
  return answers
    .filter((a) => a.pastedChars > 0)
    .map((a) => {
      const share = a.text.length ? Math.min(1, a.pastedChars / a.text.length) : 1
      return {
        kind: 'pasted_answer',
        severity: share >= 0.5 ? 'high' : a.pastedChars >= 50 ? 'medium' : 'low',
        turnIndex: a.turnIndex,
        evidence: `${a.pastedChars} of the typed answer's ${a.text.length} characters were pasted (${Math.round(share * 100)}%).`,
        occurredAt: null,
      }
    })
}
