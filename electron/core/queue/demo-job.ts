import { z } from 'zod'
import type { SyncedWriter } from '../db/synced'
import { defineJob } from './types'

const payload = z.object({ steps: z.number().int().min(1).max(100), stepMs: z.number().int().min(0).max(5000) })

/**
 * A job that shows the queue end to end: it reports progress step by step and then, exactly once,
 * increments a synced counter. Used by the queue panel's "Run demo job" and by the crash tests.
 */
export function demoJob(writer: SyncedWriter) {
  return defineJob({
    kind: 'demo.count',
    payload,
    title: (p) => `Demo job (${p.steps} steps)`,
    async run(p, ctx) {
      for (let step = 1; step <= p.steps; step++) {
        if (ctx.signal.aborted) throw new Error('cancelled')
        await new Promise((resolve) => setTimeout(resolve, p.stepMs))
        ctx.progress(step / p.steps, `step ${step} of ${p.steps}`)
      }
      const applied = await ctx.applyOnce(`demo.count:${ctx.jobId}`, async (trx) => {
        const row = await trx
          .selectFrom('demo_counters')
          .select(['id', 'value'])
          .where('name', '=', 'demo')
          .executeTakeFirst()
        if (row) await writer.update(trx, 'demo_counters', row.id, { value: row.value + 1 })
        else await writer.insert(trx, 'demo_counters', { name: 'demo', value: 1 })
      })
      return { applied }
    },
  })
}
