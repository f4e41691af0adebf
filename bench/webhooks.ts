/**
 * Webhook throughput and latency through the billing Edge Function (issue 17): signed Stripe
 * customer.subscription.updated events POSTed to /functions/v1/billing/webhook/stripe on the
 * Supabase stand-in, which forwards them to the function under real Deno; the function verifies
 * each with stripe-node (constructEventAsync, SubtleCrypto) and applies it through
 * billing_apply_event on real Postgres. Each request is timed from the POST to the answer; the
 * signing is done beforehand, as Stripe's is. Events go to 20 workspaces, `concurrency` at a time;
 * every one must answer 200 and be recorded exactly once. Target: p95 ≤ 200 ms.
 * Run: npx tsx bench/webhooks.ts [events=500] [concurrency=8]
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import Stripe from 'stripe'
import { billingWorldUnavailable, startBillingWorld } from '../tests/harness/billing'
import { ms, percentile } from './stats'

const count = Number(process.argv[2] ?? 500)
const concurrency = Number(process.argv[3] ?? 8)
const WORKSPACES = 20
const WARM_UP = 20

async function main() {
  const unavailable = billingWorldUnavailable()
  if (unavailable) {
    console.log(`skipped: ${unavailable}`)
    return
  }
  const world = await startBillingWorld()
  try {
    const admin = await world.server.signUp(`bench-${randomUUID()}@example.test`)
    const orgs: string[] = []
    for (let i = 0; i < WORKSPACES; i++) orgs.push(await world.server.createOrganisation(admin, `Bench ${i}`))
    const subscriptions = orgs.map((org, i) =>
      world.stripe.createSubscription({
        price: world.settings.stripe.prices[i % 2 ? 'pro' : 'plus'],
        metadata: { org_id: org },
      }),
    )
    const start = Math.floor(Date.now() / 1000) - count
    const signed = (type: string, object: object, created: number) => {
      const payload = JSON.stringify(world.stripe.event(type, object, { created }), null, 2)
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: world.settings.stripe.webhookSecret })
      return { payload, header }
    }
    const warmUp = Array.from({ length: WARM_UP }, (_, i) => signed('invoice.paid', { id: `in_${i}` }, start))
    // Each event a later state of its workspace's subscription, so every one is applied.
    const events = Array.from({ length: count }, (_, i) =>
      signed('customer.subscription.updated', subscriptions[i % WORKSPACES]!, start + i),
    )
    const post = async ({ payload, header }: { payload: string; header: string }) => {
      const began = performance.now()
      const response = await fetch(`${world.functionUrl}/webhook/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: payload,
      })
      const body = (await response.json()) as { applied?: boolean }
      if (response.status !== 200) throw new Error(`answered ${response.status}: ${JSON.stringify(body)}`)
      return { ms: performance.now() - began, applied: body.applied === true }
    }
    for (const event of warmUp) await post(event)

    const latencies: number[] = []
    let applied = 0
    let next = 0
    const began = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < events.length) {
          const result = await post(events[next++]!)
          latencies.push(result.ms)
          if (result.applied) applied++
        }
      }),
    )
    const seconds = (performance.now() - began) / 1000
    const recorded = Number(
      (
        await world.server.owner.query(
          `select count(*) from billing_events where type = 'customer.subscription.updated'`,
        )
      ).rows[0].count,
    )
    if (recorded !== count) throw new Error(`${recorded} events recorded for ${count} delivered`)
    console.log(
      `${count} signed Stripe webhooks, ${concurrency} at a time, ${WORKSPACES} workspaces: ` +
        `${(count / seconds).toFixed(1)} events/s; latency p50 ${ms(percentile(latencies, 50))}, ` +
        `p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}; ` +
        `${applied} applied, ${recorded} recorded once each (target p95 ≤ 200 ms: ${percentile(latencies, 95) <= 200 ? 'met' : 'missed'})`,
    )
  } finally {
    await world.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
