import type { IntegritySeverity, IntegritySignalView } from '../../../../shared/contract/interviews'
import { seconds, type KioskEvent } from './inputs'

/*
 * Signals the kiosk recorded as they happened (interview_kiosk_events): leaving the interview
 * window, retakes, and the desktop kiosk window's own reports (`window:<kind>`). Kiosk mode cannot
 * prevent these; the honest promise is to record them for a human to weigh.
 */

const FOCUS_MEDIUM_MS = 5_000
const FOCUS_HIGH_MS = 30_000

/** Each time the candidate left the interview window or page, with how long they were away where known. */
export function focusLoss(events: readonly KioskEvent[]): IntegritySignalView[] {
  const signals: IntegritySignalView[] = []
  for (const [at, event] of events.entries()) {
    if (event.kind !== 'focus_lost' && event.kind !== 'hidden') continue
    const back = events.slice(at + 1).find((e) => e.kind === (event.kind === 'hidden' ? 'visible' : 'focus_regained'))
    const awayMs = back ? (event.kind === 'hidden' ? back.occurredAt - event.occurredAt : back.amount) : null
    const severity: IntegritySeverity =
      awayMs === null || awayMs >= FOCUS_HIGH_MS ? 'high' : awayMs >= FOCUS_MEDIUM_MS ? 'medium' : 'low'
    const what = event.kind === 'hidden' ? 'The interview page was hidden' : 'The interview window lost focus'
    signals.push({
      kind: 'focus_loss',
      severity,
      turnIndex: event.turnIndex,
      evidence: awayMs === null ? `${what} and did not come back.` : `${what} for ${seconds(awayMs)}.`,
      occurredAt: event.occurredAt,
    })
  }
  return signals
}

export function retakesUsed(events: readonly KioskEvent[]): IntegritySignalView[] {
  return events
    .filter((e) => e.kind === 'retake')
    .map((e) => ({
      kind: 'retake_used',
      severity: 'low',
      turnIndex: e.turnIndex,
      evidence: 'The candidate started this answer again (a retake the question allowed).',
      occurredAt: e.occurredAt,
    }))
}

const WINDOW_EVENTS: Record<string, { severity: IntegritySeverity; evidence: string }> = {
  fullscreen_exit: { severity: 'medium', evidence: 'The interview left full screen.' },
  display_added: { severity: 'medium', evidence: 'A second screen appeared; the interview paused.' },
}

/** Paste events for turns whose saved answer does not already count the pasted characters. */
export function strayPastes(events: readonly KioskEvent[], countedTurns: ReadonlySet<number>): IntegritySignalView[] {
  return events
    .filter((e) => e.kind === 'paste' && (e.turnIndex === null || !countedTurns.has(e.turnIndex)))
    .map((e) => ({
      kind: 'pasted_answer',
      severity: e.amount >= 50 ? 'medium' : 'low',
      turnIndex: e.turnIndex,
      evidence: `${e.amount} characters were pasted into the answer box.`,
      occurredAt: e.occurredAt,
    }))
}

export function kioskWindow(events: readonly KioskEvent[]): IntegritySignalView[] {
  const signals: IntegritySignalView[] = []
  for (const event of events) {
    const known = WINDOW_EVENTS[event.kind]
    const fromWindow = event.kind.startsWith('window:') ? event.kind.slice('window:'.length) : null
    if (!known && fromWindow === null) continue
    signals.push({
      kind: 'kiosk_window',
      severity: known?.severity ?? (/display/u.test(fromWindow ?? '') ? 'medium' : 'low'),
      turnIndex: event.turnIndex,
      evidence: known?.evidence ?? `The kiosk window reported "${fromWindow}".`,
      occurredAt: event.occurredAt,
    })
  }
  return signals
}
