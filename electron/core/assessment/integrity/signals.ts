import type { IntegritySignalView } from '../../../../shared/contract/interviews'
import { latencyOutliers, pastedAnswers, silenceThenFluent } from './answer-signals'
import { focusLoss, kioskWindow, retakesUsed, strayPastes } from './event-signals'
import type { IntegrityAnswer, KioskEvent } from './inputs'

/**
 * Every behavioural integrity signal of one session. Behaviour only (timing, focus, paste,
 * presence): nothing here looks at a face or a voice, and nothing here feeds a score.
 */
export function integritySignals(
  answers: readonly IntegrityAnswer[],
  events: readonly KioskEvent[],
): IntegritySignalView[] {
  const ordered = [...events].sort((a, b) => a.occurredAt - b.occurredAt)
  const pastedTurns = new Set(answers.filter((a) => a.pastedChars > 0).map((a) => a.turnIndex))
  return [
    ...latencyOutliers(answers),
    ...silenceThenFluent(answers),
    ...pastedAnswers(answers),
    ...strayPastes(ordered, pastedTurns),
    ...focusLoss(ordered),
    ...retakesUsed(ordered),
    ...kioskWindow(ordered),
  ]
}
