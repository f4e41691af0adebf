import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineJob, PermanentJobError } from '@core/queue/types'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

describe('durable queue', () => {
  it('runs a job to completion with progress events and applies its effect once', async () => {
    ;({ studio } = await createTempStudio())
    const seen: number[] = []
    studio.events.subscribe((name, payload) => {
      if (name === 'queue.job') seen.push((payload as { progress: number }).progress)
    })
    const job = await studio.dispatch('queue.enqueueDemo', { steps: 3, stepMs: 120 }, { audience: 'recruiter' })
    expect(job.ok).toBe(true)
    await studio.queue.idle()
    const id = (job as { value: { id: string } }).value.id
    const done = await studio.queue.get(id)
    expect(done.status).toBe('succeeded')
    expect(done.progress).toBe(1)
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true)
    const counter = await studio.db.selectFrom('demo_counters').selectAll().executeTakeFirstOrThrow()
    expect(counter.value).toBe(1)
    const log = await studio.db.selectFrom('change_log').selectAll().where('table_name', '=', 'demo_counters').execute()
    expect(log).toHaveLength(1)
    expect(log[0]!.op).toBe('insert')
  })

  it('retries with backoff, then dead-letters after max attempts', async () => {
    ;({ studio } = await createTempStudio())
    let calls = 0
    studio.queue.register(
      defineJob({
        kind: 'test.flaky',
        payload: z.object({}),
        title: () => 'flaky',
        maxAttempts: 3,
        async run() {
          calls++
          throw new Error(`boom ${calls}`)
        },
      }),
    )
    const id = await studio.queue.enqueue(studio.db, 'test.flaky', {})
    await studio.queue.idle()
    while ((await studio.queue.get(id)).status !== 'dead') {
      await new Promise((r) => setTimeout(r, 20))
      await studio.queue.idle()
    }
    const job = await studio.queue.get(id)
    expect(calls).toBe(3)
    expect(job.attempts).toBe(3)
    expect(job.lastError).toBe('boom 3')
  })

  it('fails permanently without retry, and retry requeues it', async () => {
    ;({ studio } = await createTempStudio())
    let calls = 0
    studio.queue.register(
      defineJob({
        kind: 'test.permanent',
        payload: z.object({}),
        title: () => 'permanent',
        async run() {
          calls++
          if (calls === 1) throw new PermanentJobError('bad file')
          return 'ok'
        },
      }),
    )
    const id = await studio.queue.enqueue(studio.db, 'test.permanent', {})
    await studio.queue.idle()
    expect((await studio.queue.get(id)).status).toBe('failed')
    await studio.queue.retry(id)
    await studio.queue.idle()
    expect((await studio.queue.get(id)).status).toBe('succeeded')
    expect(calls).toBe(2)
  })

  it('honours priority and idempotency keys, and cancels queued and running jobs', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const order: string[] = []
    studio.queue.register(
      defineJob({
        kind: 'test.record',
        payload: z.object({ name: z.string() }),
        title: (p) => p.name,
        async run(p, ctx) {
          order.push(p.name)
          if (p.name === 'slow') {
            await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()))
            throw new Error('aborted')
          }
        },
      }),
    )
    const low = await studio.queue.enqueue(studio.db, 'test.record', { name: 'low' }, { priority: 0 })
    const high = await studio.queue.enqueue(
      studio.db,
      'test.record',
      { name: 'high' },
      { priority: 10, idempotencyKey: 'k1' },
    )
    const again = await studio.queue.enqueue(
      studio.db,
      'test.record',
      { name: 'high' },
      { priority: 10, idempotencyKey: 'k1' },
    )
    expect(again).toBe(high)
    const dropped = await studio.queue.enqueue(studio.db, 'test.record', { name: 'dropped' })
    await studio.queue.cancel(dropped)
    await studio.queue.start(1)
    await studio.queue.idle()
    expect(order).toEqual(['high', 'low'])
    expect((await studio.queue.get(low)).status).toBe('succeeded')
    expect((await studio.queue.get(dropped)).status).toBe('cancelled')

    const slow = await studio.queue.enqueue(studio.db, 'test.record', { name: 'slow' })
    while ((await studio.queue.get(slow)).status !== 'running') await new Promise((r) => setTimeout(r, 10))
    await studio.queue.cancel(slow)
    await studio.queue.idle()
    expect((await studio.queue.get(slow)).status).toBe('cancelled')
  })

  it('rejects a payload that does not match the job kind', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    await expect(studio.queue.enqueue(studio.db, 'demo.count', { steps: 'many' })).rejects.toThrow()
    await expect(studio.queue.enqueue(studio.db, 'no.such.kind', {})).rejects.toThrow(/Unknown job kind/)
  })

  it('runs 1,000 jobs on 4 workers with no job executed twice at once and every job finished', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const active = new Set<number>()
    const runs = new Map<number, number>()
    let overlaps = 0
    studio.queue.register(
      defineJob({
        kind: 'test.many',
        payload: z.object({ n: z.number() }),
        title: (p) => `job ${p.n}`,
        async run(p) {
          if (active.has(p.n)) overlaps++
          active.add(p.n)
          runs.set(p.n, (runs.get(p.n) ?? 0) + 1)
          await new Promise((r) => setImmediate(r))
          active.delete(p.n)
        },
      }),
    )
    await studio.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 1000; n++) await studio!.queue.enqueue(trx, 'test.many', { n })
    })
    await studio.queue.start(4)
    await studio.queue.idle()
    const counts = await studio.db
      .selectFrom('jobs')
      .select(['status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('status')
      .execute()
    expect(counts).toEqual([{ status: 'succeeded', n: 1000 }])
    expect(overlaps).toBe(0)
    expect([...runs.values()].every((count) => count === 1)).toBe(true)
    expect(runs.size).toBe(1000)
  })
})
