import type {
  AssessmentDimension,
  Decision,
  IntegritySeverity,
  IntegritySignalKind,
  Recommendation,
} from '../../../../shared/contract/interviews'

export const DIMENSION_LABELS: Record<AssessmentDimension | 'heuristic', string> = {
  relevance: 'Relevance',
  completeness: 'Completeness',
  clarity: 'Clarity',
  depth: 'Depth',
  heuristic: 'Offline estimate',
}

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  hire: 'Hire',
  consider: 'Consider',
  reject: 'Reject',
}

export const DECISION_LABELS: Record<Decision, string> = {
  advance: 'Advance',
  hold: 'Hold',
  reject: 'Reject',
}

export const INTEGRITY_LABELS: Record<IntegritySignalKind, string> = {
  answer_latency_outlier: 'Unusual time before answering',
  silence_then_fluent: 'Long silence, then fluent speech',
  focus_loss: 'Left the interview window',
  pasted_answer: 'Pasted a typed answer',
  retake_used: 'Retake used',
  kiosk_window: 'Kiosk window signal',
}

export const SEVERITY_LABELS: Record<IntegritySeverity, string> = { low: 'Low', medium: 'Medium', high: 'High' }

export const formatUsd = (usd: number) => (usd === 0 ? '$0' : usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`)
