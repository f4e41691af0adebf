import type { AssessmentKind, IntegritySignalKind, Recommendation } from '../../../../shared/contract/interviews'

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  hire: 'Hire',
  consider: 'Consider',
  reject: 'Reject',
}

export const KIND_LABELS: Record<AssessmentKind, string> = {
  ai: 'AI assessment',
  offline: 'Offline estimate (heuristic)',
}

export const INTEGRITY_LABELS: Record<IntegritySignalKind, string> = {
  answer_latency_outlier: 'Unusual delay before answering',
  silence_then_fluent: 'Long silence, then fluent speech',
  focus_loss: 'Focus left the interview',
  pasted_answer: 'Pasted typed answer',
  retake_used: 'Retake used',
  kiosk_window: 'Kiosk window signal',
}

/** A 1..5 score as shown: one decimal, or a dash when nothing was scored. */
export const fiveScale = (score: number | null) => (score === null ? '—' : score.toFixed(1))

/** Distinct in light and dark themes and for the common colour-vision deficiencies (Okabe–Ito). */
export const CANDIDATE_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const
