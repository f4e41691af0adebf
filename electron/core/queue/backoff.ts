export interface BackoffOptions {
  baseMs: number
  capMs: number
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed so retries never bunch at zero,
 * half is random so many failing jobs do not retry in lockstep.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const exp = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(exp / 2 + random() * (exp / 2))
}
