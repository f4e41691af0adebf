import type { Kysely } from 'kysely'
import { z } from 'zod'
import { StudioError } from '../../../shared/contract/errors'
import type { Clock } from '../clock'
import { getMeta, setMeta } from '../db/meta'
import type { Database } from '../db/schema'
import type { Logger } from '../logger'

/** One guess being checked; settle it exactly once. */
export interface Guess {
  failed(): void
  succeeded(): void
}

export interface GuessThrottle {
  /**
   * Takes a guess before anything is awaited, so a burst of guesses sent at once is counted as it
   * arrives: throws `forbidden` while locked out, or while the guesses already being checked could
   * reach the limit if they were all wrong.
   */
  begin(): Guess
}

export interface GuessThrottleOptions {
  db: Kysely<Database>
  clock: Clock
  logger: Logger
  /** Where the state is kept in `meta`: a restart must not clear a lockout. */
  key: string
  /** Wrong guesses within `windowMs` that start a lockout. */
  maxFailures?: number
  windowMs?: number
  firstLockoutMs?: number
  maxLockoutMs?: number
  /**
   * Whether a right guess forgets earlier wrong ones. Not for interview codes: a guesser holding a
   * valid code of their own would enter it between guesses to start afresh.
   */
  resetOnSuccess: boolean
  /** The refusal the user reads, given how long is left. */
  lockedMessage(waitMs: number): string
}

const stateSchema = z.object({
  failures: z.array(z.number()),
  lockouts: z.number().int().min(0),
  lockedUntil: z.number(),
})
type ThrottleState = z.infer<typeof stateSchema>

const fresh = (): ThrottleState => ({ failures: [], lockouts: 0, lockedUntil: 0 })

async function loadState(db: Kysely<Database>, key: string, lockedIfUnreadable: number): Promise<ThrottleState> {
  const stored = await getMeta(db, key)
  if (stored === undefined) return fresh()
  try {
    return stateSchema.parse(JSON.parse(stored))
  } catch {
    // A state that cannot be read must not unlock guessing: it starts locked out instead.
    return { ...fresh(), lockedUntil: lockedIfUnreadable }
  }
}

/**
 * Slows guessing of a secret (the kiosk exit PIN, interview codes): a run of wrong guesses locks
 * every attempt out for a while, and each further run within the escalation period doubles the
 * wait. The state is kept in the database, written as each guess settles.
 */
export async function openGuessThrottle(options: GuessThrottleOptions): Promise<GuessThrottle> {
  const maxFailures = options.maxFailures ?? 5
  const windowMs = options.windowMs ?? 10 * 60_000
  const firstLockoutMs = options.firstLockoutMs ?? 60_000
  const maxLockoutMs = options.maxLockoutMs ?? 15 * 60_000
  const { clock } = options
  const state = await loadState(options.db, options.key, clock.now() + firstLockoutMs)
  let inFlight = 0
  let saving = Promise.resolve()

  const save = () => {
    const snapshot = JSON.stringify(state)
    saving = saving
      .then(() => setMeta(options.db, options.key, snapshot))
      .catch((error: unknown) => options.logger.error('a guess lockout was not saved', { error: String(error) }))
  }
  const refuse = (waitMs: number): never => {
    throw new StudioError('forbidden', options.lockedMessage(waitMs), undefined, waitMs)
  }
  const settle = (wrong: boolean) => {
    inFlight -= 1
    const now = clock.now()
    if (!wrong) {
      if (options.resetOnSuccess) Object.assign(state, fresh())
      return save()
    }
    state.failures.push(now)
    if (state.failures.length >= maxFailures) {
      state.failures = []
      state.lockedUntil = now + Math.min(maxLockoutMs, firstLockoutMs * 2 ** state.lockouts)
      state.lockouts += 1
    }
    save()
  }

  return {
    begin() {
      const now = clock.now()
      // A clock set back must not stretch a lockout beyond the longest one.
      state.lockedUntil = Math.min(state.lockedUntil, now + maxLockoutMs)
      if (now < state.lockedUntil) refuse(state.lockedUntil - now)
      // A quiet spell as long as the longest lockout forgets the escalation.
      if (state.lockouts && now - state.lockedUntil > maxLockoutMs) state.lockouts = 0
      state.failures = state.failures.filter((at) => now - at < windowMs)
      if (state.failures.length + inFlight >= maxFailures) refuse(firstLockoutMs)
      inFlight += 1
      let settled = false
      const once = (wrong: boolean) => () => {
        if (settled) return
        settled = true
        settle(wrong)
      }
      return { failed: once(true), succeeded: once(false) }
    },
  }
}
