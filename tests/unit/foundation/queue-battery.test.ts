import { spawn } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { JobView } from '@shared/contract/foundation'
import { silentLogger, type Logger } from '@core/logger'
import { defineJob } from '@core/queue/types'
import type { Studio } from '@core/studio'
import { budget } from '../../helpers/patience'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { manualClock } from '../interviews/fixtures'
import { slowJob } from './fixtures/battery-jobs'

const child = path.join(__dirname, 'fixtures/queue-battery-child.ts')

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

/** A studio process on the same data folder; resolves each marker line as it is printed. */
function startChild(dataDir: string, mode: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (err += d))
  const exited = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, out, err })),
  )
  const line = (marker: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(marker) && resolve()
      proc.stdout!.on('data', check)
      check()
      void exited.then(({ code, err: stderr }) => reject(new Error(`child exited ${code} before ${marker}: ${stderr}`)))
    })
  return { proc, line, exited }
}

const recordingLogger = (warnings: string[]): Logger => ({ ...silentLogger, warn: (message) => warnings.push(message) })

async function batteryRow(s: Studio) {
  const job = await s.db.selectFrom('jobs').selectAll().where('kind', '=', 'battery.slow').executeTakeFirstOrThrow()
  const counter = await s.db
    .selectFrom('demo_counters')
    .select('value')
    .where('name', '=', 'battery')
    .executeTakeFirst()
  return { status: job.status, attempts: job.attempts, result: job.result, applied: counter?.value ?? 0 }
}

describe('queue battery (§7 Q03, Q07, Q09, Q10)', () => {
  it('Q03: a job whose process stops heartbeating is reclaimed after its lease, and its effect is applied once', async () => {
    const dataDir = tempDir()
    const warnings: string[] = []
    // This process is the second worker. It learns the job's kind only once the other holds it, so
    // it can take the job over only through an expired lease, never at start-up.
    ;({ studio } = await createTempStudio({ dataDir, logger: recordingLogger(warnings), queueOptions: { pollMs: 20 } }))
    const other = startChild(dataDir, 'block')
    await other.line('APPLIED')
    studio.queue.register(slowJob(studio, 'none'))
    await other.line('SETTLED')
    await studio.queue.idle()
    expect(await batteryRow(studio)).toEqual({ status: 'succeeded', attempts: 2, result: '2', applied: 1 })
    expect(warnings).toContain('job stalled: its lease expired without a heartbeat')
    expect((await other.exited).code).toBe(0)
  }, 60_000)

  it('Q03: a job three leases long that heartbeats is never reclaimed', async () => {
    const dataDir = tempDir()
    const warnings: string[] = []
    ;({ studio } = await createTempStudio({ dataDir, logger: recordingLogger(warnings), queueOptions: { pollMs: 20 } }))
    const other = startChild(dataDir, 'await')
    await other.line('APPLIED')
    studio.queue.register(slowJob(studio, 'none'))
    await other.line('SETTLED')
    expect(await batteryRow(studio)).toEqual({ status: 'succeeded', attempts: 1, result: '1', applied: 1 })
    expect(warnings).not.toContain('job stalled: its lease expired without a heartbeat')
    expect((await other.exited).code).toBe(0)
  }, 60_000)

  it('Q07: a job that kills its process is dead-lettered after its attempts, and the queue then drains', async () => {
    const dataDir = tempDir()
    let kills = 0
    for (let start = 0; start < 6; start++) {
      const run = await startChild(dataDir, 'poison').exited
      if (run.signal === 'SIGKILL') {
        kills++
        continue
      }
      expect(run.code, run.err).toBe(0)
      const jobs = JSON.parse(run.out.trim().split('\n').pop()!) as JobView[]
      const byKind = (kind: string) => jobs.filter((j) => j.kind === kind).map((j) => j.status)
      expect(byKind('battery.poison')).toEqual(['dead'])
      expect(byKind('battery.ordinary')).toEqual(['succeeded', 'succeeded', 'succeeded'])
      break
    }
    expect(kills).toBe(3)
  }, 120_000)

  it('Q09: a clock set back an hour holds no retry for that hour, and one set forward re-runs nothing', async () => {
    const clock = manualClock()
    ;({ studio } = await createTempStudio({
      clock,
      queueOptions: { pollMs: 20, backoff: { baseMs: 30 * 60_000, capMs: 30 * 60_000 } },
    }))
    let flakyCalls = 0
    let gateCalls = 0
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    studio.queue.register(
      defineJob({
        kind: 'test.fails-once',
        payload: z.object({}),
        title: () => 'fails once',
        async run() {
          if (++flakyCalls === 1) throw new Error('transient')
          return 'ok'
        },
      }),
    )
    studio.queue.register(
      defineJob({
        kind: 'test.gated',
        payload: z.object({}),
        title: () => 'gated',
        async run() {
          gateCalls++
          await gate
          return 'ok'
        },
      }),
    )
    const flaky = await studio.queue.enqueue(studio.db, 'test.fails-once', {})
    await studio.queue.idle()
    expect((await studio.queue.get(flaky)).status).toBe('queued')
    clock.advance(-60 * 60_000)
    await studio.queue.idle()
    expect((await studio.queue.get(flaky)).status).toBe('succeeded')

    const gated = await studio.queue.enqueue(studio.db, 'test.gated', {})
    while (gateCalls === 0) await new Promise((r) => setTimeout(r, 10))
    clock.advance(2 * 60 * 60_000)
    // The other worker leases five jobs, each lease first expiring what looks an hour overdue.
    for (let i = 0; i < 5; i++) {
      const id = await studio.queue.enqueue(studio.db, 'test.fails-once', {}, { idempotencyKey: `poll-${i}` })
      while ((await studio.queue.get(id)).status !== 'succeeded') await new Promise((r) => setTimeout(r, 10))
    }
    release()
    await studio.queue.idle()
    expect(gateCalls).toBe(1)
    expect(await studio.queue.get(gated)).toMatchObject({ status: 'succeeded', attempts: 1 })
  })

  it('Q10: two hours offline retry on a capped backoff, and everything completes when the network returns', async () => {
    const clock = manualClock()
    ;({ studio } = await createTempStudio({
      clock,
      queueOptions: { pollMs: 20, backoff: { baseMs: 1000, capMs: 5 * 60_000 } },
    }))
    const server = http.createServer((_req, res) => res.end('ok'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    // The network goes down: nothing listens at that address.
    await new Promise<void>((resolve) => server.close(() => resolve()))
    let calls = 0
    studio.queue.register(
      defineJob({
        kind: 'test.online',
        payload: z.object({ n: z.number() }),
        title: () => 'needs the network',
        maxAttempts: 200,
        async run() {
          calls++
          const response = await fetch(url, { signal: AbortSignal.timeout(budget(5000)) })
          return response.status
        },
      }),
    )
    const ids = await Promise.all([1, 2, 3].map((n) => studio!.queue.enqueue(studio!.db, 'test.online', { n })))
    for (let minute = 0; minute < 120; minute++) {
      clock.advance(60_000)
      await studio.queue.idle()
    }
    // Capped at five minutes (2.5–5 with jitter): about 30–50 tries each over two hours, never a tight loop.
    expect(calls).toBeGreaterThan(3 * 20)
    expect(calls).toBeLessThan(3 * 60)
    for (const id of ids) expect((await studio.queue.get(id)).status).toBe('queued')

    await new Promise<void>((resolve) => server.listen(Number(new URL(url).port), '127.0.0.1', resolve))
    clock.advance(5 * 60_000)
    await studio.queue.idle()
    server.close()
    for (const id of ids) expect((await studio.queue.get(id)).status).toBe('succeeded')
  })
})
