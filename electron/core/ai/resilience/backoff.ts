import type { AiError } from '../errors'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseMs: number
  capMs: number
  /** A Retry-After longer than this is not waited out: the call fails and says when to try again. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseMs: 500, capMs: 8_000, maxRetryAfterMs: 30_000 }

/**
 * How long to wait before the next attempt, or null when the error must not be retried. The
 * provider's Retry-After wins over our own schedule; otherwise exponential backoff with "equal
 * jitter" (half fixed, half random) so many clients that failed together do not retry together.
 */
export function retryDelayMs(
  failedAttempt: number,
  error: AiError,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (!error.retryable || failedAttempt >= policy.maxAttempts) return null
  if (error.retryAfterMs !== undefined) return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : null
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (failedAttempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** Reads Retry-After (seconds or an HTTP date) and OpenAI's retry-after-ms, in milliseconds. */
export function parseRetryAfter(header: (name: string) => string | null | undefined, now: number): number | undefined {
  const ms = header('retry-after-ms')
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms))
  const value = header('retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Waits, or rejects with the signal's reason as soon as it aborts; never leaves a timer behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
