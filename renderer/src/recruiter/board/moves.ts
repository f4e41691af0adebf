import { MAIN_PATH, type PipelineStatus } from '../../../../shared/contract/screening'

/** The main-path stages a move from `from` to `to` jumps over (none for side moves or moves back). */
export function skippedStages(from: PipelineStatus, to: PipelineStatus): PipelineStatus[] {
  const start = MAIN_PATH.indexOf(from)
  const end = MAIN_PATH.indexOf(to)
  if (start < 0 || end < 0 || end <= start + 1) return []
  return MAIN_PATH.slice(start + 1, end)
}

/** "3 days", "5 hours", "just now": how long a candidate has been in a stage. */
export function stayText(sinceMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - sinceMs) / 60_000))
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h`
  return `${Math.floor(hours / 24)} days`
}
