import type { CircuitState } from '../../../../shared/contract/ai'
import type { Clock } from '../../clock'

export interface BreakerPolicy {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number
  openMs: number
  /** Trial calls let through when half-open; all must succeed to close again. */
  halfOpenProbes: number
}

export const DEFAULT_BREAKER_POLICY: BreakerPolicy = { failureThreshold: 5, openMs: 60_000, halfOpenProbes: 3 }

/** One admitted call. Exactly one of the three is used; later calls are ignored. */
export interface BreakerTicket {
  success(): void
  failure(): void
  /** The call ended without saying anything about the provider's health (cancelled, bad key). */
  release(): void
}

export type Admission = { admitted: true; ticket: BreakerTicket } | { admitted: false; retryInMs: number }

export interface CircuitBreaker {
  state(): CircuitState
  admit(): Admission
  /** A successful call made around the breaker (a connection test) proves the provider is back. */
  reset(): void
}

/**
 * A circuit breaker per provider: closed → open after N consecutive failures → half-open after a
 * pause, letting a few probes through → closed when they all succeed, open again on any failure.
 * Tickets carry the generation they were admitted in, so a slow call from before a transition
 * cannot reopen or close the circuit afterwards.
 */
export function createCircuitBreaker(
  policy: BreakerPolicy,
  clock: Clock,
  onChange: (state: CircuitState) => void = () => {},
): CircuitBreaker {
  let current: CircuitState = 'closed'
  let generation = 0
  let failures = 0
  let openedAt = 0
  let probesOut = 0
  let probesPassed = 0

  const moveTo = (next: CircuitState) => {
    current = next
    generation++
    failures = 0
    probesOut = 0
    probesPassed = 0
    if (next === 'open') openedAt = clock.now()
    onChange(next)
  }

  const state = (): CircuitState => {
    if (current === 'open' && clock.now() - openedAt >= policy.openMs) moveTo('half_open')
    return current
  }

  const ticketFor = (admittedIn: number, probe: boolean): BreakerTicket => {
    let settled = false
    const settle = (outcome: 'success' | 'failure' | 'release') => {
      if (settled) return
      settled = true
      if (admittedIn !== generation) return
      if (current === 'closed') {
        if (outcome === 'success') failures = 0
        else if (outcome === 'failure' && ++failures >= policy.failureThreshold) moveTo('open')
        return
      }
      if (current !== 'half_open' || !probe) return
      if (outcome === 'failure') return moveTo('open')
      if (outcome === 'release') {
        probesOut--
        return
      }
      if (++probesPassed >= policy.halfOpenProbes) moveTo('closed')
    }
    return { success: () => settle('success'), failure: () => settle('failure'), release: () => settle('release') }
  }

  return {
    state,
    admit() {
      const now = state()
      if (now === 'closed') return { admitted: true, ticket: ticketFor(generation, false) }
      if (now === 'half_open' && probesOut < policy.halfOpenProbes) {
        probesOut++
        return { admitted: true, ticket: ticketFor(generation, true) }
      }
      const retryInMs = now === 'open' ? Math.max(0, openedAt + policy.openMs - clock.now()) : 1_000
      return { admitted: false, retryInMs }
    },
    reset() {
      if (current !== 'closed') moveTo('closed')
      else failures = 0
    },
  }
}
