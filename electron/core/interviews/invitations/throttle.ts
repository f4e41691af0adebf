import { StudioError } from '../../../../shared/contract/errors'
import type { Clock } from '../../clock'

export interface GuessThrottle {
  /** Throws `forbidden` while guesses are locked out. */
  check(): void
  failed(): void
  succeeded(): void
}

export interface GuessThrottleOptions {
  clock: Clock
  /** Wrong codes in a row before a lockout. */
  maxFailures?: number
  firstLockoutMs?: number
  maxLockoutMs?: number
}

/**
 * Slows down code guessing at the kiosk: after a run of wrong codes every attempt is refused for a
 * while, and each further run doubles the wait. One kiosk serves one candidate at a time, so the
 * count is per process rather than per caller. Kept in memory: restarting needs the recruiter PIN.
 */
export function createGuessThrottle(options: GuessThrottleOptions): GuessThrottle {
  const maxFailures = options.maxFailures ?? 5
  const firstLockoutMs = options.firstLockoutMs ?? 60_000
  const maxLockoutMs = options.maxLockoutMs ?? 15 * 60_000
  let failures = 0
  let lockouts = 0
  let lockedUntil = 0
  return {
    check() {
      const now = options.clock.now()
      if (now < lockedUntil) {
        const waitMs = lockedUntil - now
        throw new StudioError(
          'forbidden',
          `Too many wrong codes. Please wait ${Math.ceil(waitMs / 1000)} seconds and try again, or ask the recruiter.`,
          undefined,
          waitMs,
        )
      }
    },
    failed() {
      failures += 1
      if (failures < maxFailures) return
      failures = 0
      lockedUntil = options.clock.now() + Math.min(maxLockoutMs, firstLockoutMs * 2 ** lockouts)
      lockouts += 1
    },
    succeeded() {
      failures = 0
      lockouts = 0
    },
  }
}
