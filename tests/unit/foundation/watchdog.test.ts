import { describe, expect, it } from 'vitest'
import { createDispatcher, type Handlers } from '@core/ipc/dispatcher'
import type { Logger } from '@core/logger'

/** A logger that keeps what it was told. */
function keptLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = []
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, fields })
    }
  const logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger
  return { logger, lines }
}

const ctx = { audience: 'recruiter' as const }

describe('request watchdog', () => {
  it('reports a request that never settles and answers its caller with an error instead of hanging', async () => {
    const { logger, lines } = keptLogger()
    const handlers = { 'jobs.list': () => new Promise<never>(() => undefined) } as unknown as Handlers
    const dispatch = createDispatcher(handlers, logger, { warnAfterMs: 5, failAfterMs: 30 })
    const result = await dispatch('jobs.list', {}, ctx)
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(lines.map((l) => [l.level, l.message, l.fields?.name])).toEqual([
      ['warn', 'request still running', 'jobs.list'],
      ['error', 'request stuck; its caller was given an error', 'jobs.list'],
    ])
  })

  it('stays silent for a request that settles in time, and passes its value or error through', async () => {
    const { logger, lines } = keptLogger()
    const handlers = {
      'jobs.list': async () => ['a job'],
      'jobs.get': async () => {
        throw new Error('boom')
      },
    } as unknown as Handlers
    const dispatch = createDispatcher(handlers, logger, { warnAfterMs: 60_000, failAfterMs: 120_000 })
    await expect(dispatch('jobs.list', {}, ctx)).resolves.toEqual({ ok: true, value: ['a job'] })
    await expect(dispatch('jobs.get', { id: 'x' }, ctx)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    })
    expect(lines.filter((l) => l.message.startsWith('request st'))).toEqual([])
  })
})
