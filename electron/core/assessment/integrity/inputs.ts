/** What the integrity signals are read from: the session's answers and its kiosk events. */

export interface IntegrityAnswer {
  turnIndex: number
  inputMode: 'voice' | 'text'
  text: string
  skipped: boolean
  responseDelayMs: number
  speechMs: number
  pauses: number
  pastedChars: number
}

export interface KioskEvent {
  kind: string
  turnIndex: number | null
  /** Pasted characters, or milliseconds away, depending on the kind. */
  amount: number
  occurredAt: number
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export function median(values: readonly number[]): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const wordCount = (text: string) => text.split(/\s+/u).filter(Boolean).length
