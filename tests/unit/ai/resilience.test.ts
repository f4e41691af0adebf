import { describe, expect, it } from 'vitest'
import { AiError, retryNotice } from '@core/ai/errors'
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs, sleep } from '@core/ai/resilience/backoff'
import { createCircuitBreaker, DEFAULT_BREAKER_POLICY } from '@core/ai/resilience/circuit-breaker'
import { attemptDeadline, DeadlineExceeded } from '@core/ai/resilience/deadline'

const error = (kind: AiError['kind'], extra: { status?: number; retryAfterMs?: number } = {}) =>
  new AiError({ kind, provider: 'openai', capability: 'chat', message: kind, ...extra })

describe('retry schedule', () => {
  const policy = { maxAttempts: 5, baseMs: 100, capMs: 1000, maxRetryAfterMs: 10_000 }

  it('backs off exponentially with jitter inside [half, full] of the step, capped', () => {
    const low = [1, 2, 3, 4].map((n) => retryDelayMs(n, error('server', { status: 500 }), policy, () => 0))
    const high = [1, 2, 3, 4].map((n) => retryDelayMs(n, error('server', { status: 500 }), policy, () => 0.999999))
    expect(low).toEqual([50, 100, 200, 400])
    expect(high).toEqual([100, 200, 400, 800])
    expect(retryDelayMs(4, error('network'), { ...policy, capMs: 300 }, () => 0.5)).toBe(225)
  })

  it('honours Retry-After over its own schedule, and gives up when it is longer than allowed', () => {
    expect(retryDelayMs(1, error('rate_limit', { status: 429, retryAfterMs: 4000 }), policy, () => 0)).toBe(4000)
    expect(retryDelayMs(1, error('rate_limit', { status: 429, retryAfterMs: 60_000 }), policy, () => 0)).toBeNull()
  })

  it('never retries 400, 401, 403, cancellations or invalid output, and stops at the attempt limit', () => {
    for (const kind of [
      'bad_request',
      'auth',
      'cancelled',
      'invalid_output',
      'budget',
      'circuit_open',
      'not_configured',
    ] as const) {
      expect(retryDelayMs(1, error(kind, { status: 401 }), policy, () => 0)).toBeNull()
    }
    for (const kind of ['rate_limit', 'server', 'network', 'timeout'] as const)
      expect(retryDelayMs(1, error(kind), policy, () => 0)).not.toBeNull()
    expect(retryDelayMs(policy.maxAttempts, error('server'), policy, () => 0)).toBeNull()
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1)
  })

  it('reads Retry-After as seconds, as an HTTP date, and OpenAI retry-after-ms first', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    const headers = (h: Record<string, string>) => (name: string) => h[name]
    expect(parseRetryAfter(headers({ 'retry-after': '4' }), now)).toBe(4000)
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }), now)).toBe(500)
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }), now)).toBe(7000)
    expect(parseRetryAfter(headers({ 'retry-after': '4', 'retry-after-ms': '1250' }), now)).toBe(1250)
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined()
    expect(parseRetryAfter(headers({}), now)).toBeUndefined()
  })

  it('says what it is doing in words a recruiter understands', () => {
    expect(retryNotice(error('rate_limit', { status: 429 }), 4000)).toBe('OpenAI rate limited, retrying in 4 s')
    expect(retryNotice(error('server', { status: 503 }), 1200)).toBe('OpenAI error 503, retrying in 1 s')
  })

  it('sleep rejects at once when cancelled and leaves no timer behind', async () => {
    const controller = new AbortController()
    const waiting = sleep(60_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(waiting).rejects.toThrow('stop')
  })
})

describe('circuit breaker', () => {
  const clock = () => {
    let now = 1_000_000
    return { now: () => now, advance: (ms: number) => void (now += ms) }
  }

  const fail = (b: ReturnType<typeof createCircuitBreaker>) => {
    const admission = b.admit()
    if (!admission.admitted) throw new Error('refused')
    admission.ticket.failure()
  }

  it('opens after 5 consecutive failures, refuses for 60 s, then lets 3 probes through and closes when they pass', () => {
    const c = clock()
    const states: string[] = []
    const breaker = createCircuitBreaker(DEFAULT_BREAKER_POLICY, c, (s) => states.push(s))
    for (let i = 0; i < 4; i++) fail(breaker)
    expect(breaker.state()).toBe('closed')
    fail(breaker)
    expect(breaker.state()).toBe('open')
    const refused = breaker.admit()
    expect(refused).toEqual({ admitted: false, retryInMs: 60_000 })

    c.advance(59_999)
    expect(breaker.state()).toBe('open')
    c.advance(1)
    expect(breaker.state()).toBe('half_open')
    const probes = [breaker.admit(), breaker.admit(), breaker.admit()]
    expect(probes.every((p) => p.admitted)).toBe(true)
    expect(breaker.admit().admitted).toBe(false)
    for (const probe of probes) if (probe.admitted) probe.ticket.success()
    expect(breaker.state()).toBe('closed')
    expect(states).toEqual(['open', 'half_open', 'closed'])
  })

  it('a success resets the count; a failed probe reopens for another full pause', () => {
    const c = clock()
    const breaker = createCircuitBreaker(DEFAULT_BREAKER_POLICY, c)
    for (let i = 0; i < 4; i++) fail(breaker)
    const ok = breaker.admit()
    if (ok.admitted) ok.ticket.success()
    for (let i = 0; i < 4; i++) fail(breaker)
    expect(breaker.state()).toBe('closed')
    fail(breaker)
    c.advance(60_000)
    expect(breaker.state()).toBe('half_open')
    const probe = breaker.admit()
    if (probe.admitted) probe.ticket.success()
    fail(breaker)
    expect(breaker.state()).toBe('open')
    expect(breaker.admit()).toEqual({ admitted: false, retryInMs: 60_000 })
  })

  it('ignores neutral outcomes and late results from before a transition', () => {
    const c = clock()
    const breaker = createCircuitBreaker(DEFAULT_BREAKER_POLICY, c)
    const slow = breaker.admit()
    for (let i = 0; i < 5; i++) fail(breaker)
    expect(breaker.state()).toBe('open')
    if (slow.admitted) slow.ticket.success()
    expect(breaker.state()).toBe('open')

    c.advance(60_000)
    const probe = breaker.admit()
    if (probe.admitted) probe.ticket.release()
    // The released slot is free again: three probes are still allowed.
    const three = [breaker.admit(), breaker.admit(), breaker.admit()]
    expect(three.every((p) => p.admitted)).toBe(true)
    for (const p of three) if (p.admitted) p.ticket.release()
    expect(breaker.state()).toBe('half_open')
  })
})

describe('attempt deadline', () => {
  it('fires after the timeout, is told apart from a cancel, and pauses while the consumer works', async () => {
    const deadline = attemptDeadline(undefined, 30)
    deadline.pause()
    await sleep(60)
    expect(deadline.signal.aborted).toBe(false)
    deadline.resume()
    await sleep(60)
    expect(deadline.signal.aborted).toBe(true)
    expect(deadline.timedOut()).toBe(true)
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceeded)
    deadline.dispose()

    const parent = new AbortController()
    const cancelled = attemptDeadline(parent.signal, 10_000)
    parent.abort(new Error('user'))
    expect(cancelled.signal.aborted).toBe(true)
    expect(cancelled.cancelledByCaller()).toBe(true)
    expect(cancelled.timedOut()).toBe(false)
    cancelled.dispose()
  })
})
