import { performance } from 'node:perf_hooks'
import type { AiNotice } from '../../../../shared/contract/ai'
import type { Clock } from '../../clock'
import type { Logger } from '../../logger'
import type { BudgetGuard, Reservation } from '../accounting/budget'
import { NO_USAGE, type Prices, type UsageAmounts } from '../accounting/prices'
import type { UsageStore } from '../accounting/usage-store'
import { AiError, messageFor, retryNotice } from '../errors'
import type { Capability, ProviderId, UsageScope } from '../types'
import { retryDelayMs, sleep, type RetryPolicy } from './backoff'
import type { BreakerTicket, CircuitBreaker } from './circuit-breaker'
import { attemptDeadline, type AttemptDeadline } from './deadline'

/** Who is called, for whom, and how the caller can cancel. */
export interface CallTarget {
  provider: ProviderId
  capability: Capability
  model: string
  scope?: UsageScope
  signal?: AbortSignal
  /** Streaming speech-to-text, priced at the live rate. */
  live?: boolean
}

/** Turns whatever an SDK threw into an AiError; the runner has already handled timeouts and cancels. */
export type ErrorMapper = (error: unknown) => AiError

export interface RunnerDeps {
  breakers: Record<ProviderId, CircuitBreaker>
  retry: RetryPolicy
  timeoutsMs: Record<Capability, number>
  usage: UsageStore
  budget: BudgetGuard
  prices: () => Prices
  clock: Clock
  random: () => number
  notify: (notice: AiNotice) => void
  logger: Logger
}

/** A successful attempt, handed over with its deadline and breaker ticket still open. */
export interface Attempted<R> {
  value: R
  deadline: AttemptDeadline
  ticket: BreakerTicket
}

export interface UsageReport {
  usage: UsageAmounts
  /** True when the provider did not report usage and it was counted locally. */
  estimated: boolean
}

export interface StreamSpec<C> {
  estimate: UsageAmounts
  /** Opens the stream; resolving means the provider answered, the first chunk may still be on its way. */
  open(signal: AbortSignal): Promise<AsyncIterator<C>>
  /** Called once the stream has ended, however it ended. */
  usage(completed: boolean): UsageReport
  mapError: ErrorMapper
}

export interface UnarySpec<T> {
  estimate: UsageAmounts
  attempt(signal: AbortSignal): Promise<T>
  usageOf(result: T): UsageAmounts
  mapError: ErrorMapper
}

export interface CallRunner {
  unary<T>(target: CallTarget, spec: UnarySpec<T>): Promise<T>
  stream<C>(target: CallTarget, spec: StreamSpec<C>): AsyncGenerator<C, void, undefined>
  /** Retries `run` under the breaker with a fresh deadline per attempt; the caller settles what it gets back. */
  attempt<R>(
    target: CallTarget,
    mapError: ErrorMapper,
    run: (deadline: AttemptDeadline) => Promise<R>,
  ): Promise<Attempted<R>>
  reserve(target: CallTarget, estimate: UsageAmounts): Promise<Reservation>
  record(
    target: CallTarget,
    report: UsageReport,
    outcome: 'ok' | 'error' | 'cancelled',
    startedAt: number,
    error?: AiError,
  ): Promise<void>
  /** Maps an error thrown under a deadline: the caller's cancel and our own timeout come first. */
  normalise(error: unknown, target: CallTarget, deadline: AttemptDeadline | undefined, mapError: ErrorMapper): AiError
}

const outcomeOf = (error: AiError) => (error.kind === 'cancelled' ? 'cancelled' : 'error')

/**
 * Some SDK streams (openai's) end quietly when their signal aborts instead of throwing, which would
 * pass a cut-off reply off as a whole one. A stream that "ended" under an aborted signal did not.
 */
function endedByAbort(deadline: AttemptDeadline): void {
  if (deadline.signal.aborted) throw deadline.signal.reason
}

/** Failures decided before any provider was reached leave no usage row. */
export const reachedProvider = (error: AiError) =>
  error.kind !== 'circuit_open' && error.kind !== 'not_configured' && error.kind !== 'unsupported'

/**
 * The one place AI calls get their resilience and accounting: budget check, circuit breaker,
 * per-attempt timeout, retries with backoff (honouring Retry-After), cancellation, and a usage
 * row for every call that reached a provider. Adapters only make single SDK calls.
 */
export function createCallRunner(deps: RunnerDeps): CallRunner {
  const cancelled = (target: CallTarget) =>
    new AiError({
      kind: 'cancelled',
      provider: target.provider,
      capability: target.capability,
      message: messageFor('cancelled', target.provider),
    })

  const normalise: CallRunner['normalise'] = (error, target, deadline, mapError) => {
    if (error instanceof AiError) return error
    if (target.signal?.aborted && !deadline?.timedOut()) return cancelled(target)
    if (deadline?.timedOut()) {
      const timeoutMs = deadline ? deps.timeoutsMs[target.capability] : 0
      return new AiError({
        kind: 'timeout',
        provider: target.provider,
        capability: target.capability,
        message: messageFor('timeout', target.provider, { timeoutMs }),
      })
    }
    return mapError(error)
  }

  const settle = (ticket: BreakerTicket, error: AiError) =>
    error.countsAgainstProvider ? ticket.failure() : ticket.release()

  const attempt: CallRunner['attempt'] = async (target, mapError, run) => {
    for (let attemptNo = 1; ; attemptNo++) {
      if (target.signal?.aborted) throw cancelled(target)
      const admission = deps.breakers[target.provider].admit()
      if (!admission.admitted) {
        throw new AiError({
          kind: 'circuit_open',
          provider: target.provider,
          capability: target.capability,
          message: `${messageFor('circuit_open', target.provider)} (trying again in ${Math.ceil(admission.retryInMs / 1000)} s)`,
          retryAfterMs: admission.retryInMs,
        })
      }
      const deadline = attemptDeadline(target.signal, deps.timeoutsMs[target.capability])
      try {
        const value = await run(deadline)
        return { value, deadline, ticket: admission.ticket }
      } catch (thrown) {
        deadline.dispose()
        const error = normalise(thrown, target, deadline, mapError)
        settle(admission.ticket, error)
        const delay = retryDelayMs(attemptNo, error, deps.retry, deps.random)
        if (delay === null) throw error
        const message = retryNotice(error, delay)
        deps.logger.warn('ai call retrying', {
          provider: target.provider,
          capability: target.capability,
          kind: error.kind,
          status: error.status,
          delayMs: delay,
          attempt: attemptNo,
        })
        deps.notify({
          provider: target.provider,
          capability: target.capability,
          level: 'warning',
          message,
          at: deps.clock.now(),
        })
        try {
          await sleep(delay, target.signal)
        } catch {
          throw cancelled(target)
        }
      }
    }
  }

  const reserve: CallRunner['reserve'] = (target, estimate) =>
    deps.budget.reserve(
      target.scope,
      deps.prices().costNano(target.provider, target.capability, target.model, estimate, target.live),
      target.provider,
      target.capability,
    )

  const record: CallRunner['record'] = async (target, report, outcome, startedAt, error) => {
    try {
      await deps.usage.record({
        at: deps.clock.now(),
        provider: target.provider,
        capability: target.capability,
        model: target.model,
        scope: target.scope,
        usage: report.usage,
        costNano: deps.prices().costNano(target.provider, target.capability, target.model, report.usage, target.live),
        estimated: report.estimated,
        outcome,
        errorKind: error?.kind,
        latencyMs: performance.now() - startedAt,
      })
    } catch (failure) {
      // Accounting must never turn a good answer into a failure; the log keeps the trace.
      deps.logger.error('ai usage not recorded', {
        error: failure instanceof Error ? failure.message : String(failure),
      })
    }
  }

  async function unary<T>(target: CallTarget, spec: UnarySpec<T>): Promise<T> {
    if (target.signal?.aborted) throw cancelled(target)
    const reservation = await reserve(target, spec.estimate)
    const startedAt = performance.now()
    try {
      const { value, deadline, ticket } = await attempt(target, spec.mapError, (d) => spec.attempt(d.signal))
      deadline.dispose()
      ticket.success()
      await record(target, { usage: spec.usageOf(value), estimated: false }, 'ok', startedAt)
      return value
    } catch (thrown) {
      const error = normalise(thrown, target, undefined, spec.mapError)
      if (reachedProvider(error))
        await record(target, { usage: NO_USAGE, estimated: false }, outcomeOf(error), startedAt, error)
      throw error
    } finally {
      reservation.release()
    }
  }

  async function* stream<C>(target: CallTarget, spec: StreamSpec<C>): AsyncGenerator<C, void, undefined> {
    if (target.signal?.aborted) throw cancelled(target)
    const reservation = await reserve(target, spec.estimate)
    const startedAt = performance.now()
    let opened: Attempted<{ iterator: AsyncIterator<C>; first: IteratorResult<C> }>
    try {
      // Retries are only safe before the first chunk reaches the caller, so an attempt lasts until then.
      opened = await attempt(target, spec.mapError, async (deadline) => {
        const iterator = await spec.open(deadline.signal)
        try {
          const first = await iterator.next()
          endedByAbort(deadline)
          return { iterator, first }
        } catch (error) {
          await iterator.return?.()
          throw error
        }
      })
    } catch (thrown) {
      const error = normalise(thrown, target, undefined, spec.mapError)
      if (reachedProvider(error)) await record(target, spec.usage(false), outcomeOf(error), startedAt, error)
      reservation.release()
      throw error
    }

    const { deadline, ticket } = opened
    const { iterator } = opened.value
    let next = opened.value.first
    let outcome: 'ok' | 'error' | 'cancelled' = 'cancelled'
    let failure: AiError | undefined
    try {
      while (!next.done) {
        // The countdown covers the provider's silence, not the time the consumer spends on a chunk.
        deadline.pause()
        yield next.value
        deadline.resume()
        next = await iterator.next()
      }
      endedByAbort(deadline)
      outcome = 'ok'
      ticket.success()
    } catch (thrown) {
      failure = normalise(thrown, target, deadline, spec.mapError)
      outcome = outcomeOf(failure)
      settle(ticket, failure)
      throw failure
    } finally {
      if (outcome === 'cancelled') {
        ticket.release()
        deadline.abort()
        await iterator.return?.().catch(() => undefined)
      }
      deadline.dispose()
      await record(target, spec.usage(outcome === 'ok'), outcome, startedAt, failure)
      reservation.release()
    }
  }

  return {
    attempt,
    reserve,
    record,
    normalise,

    unary,
    stream,
  }
}
