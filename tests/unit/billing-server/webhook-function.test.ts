import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { billingWorldUnavailable, startBillingWorld, type BillingWorld } from '../../harness/billing'
import type { StripeSubscription } from '../../harness/stripe'
import { budget } from '../../helpers/patience'

/*
 * Provider webhooks through the billing Edge Function under real Deno, against real Postgres: the
 * Stripe and Razorpay stubs sign their deliveries with the real algorithms (stripe-node's test
 * header, hex HMAC-SHA256), the function verifies them with the official SDK and WebCrypto and
 * applies them through billing_apply_event. Forged, stale or altered deliveries change nothing;
 * copies and replays have one effect; late events never move a subscription back; a failed effect
 * answers non-2xx with nothing recorded, so the provider's retry is applied.
 */

const unavailable = billingWorldUnavailable()

interface State {
  plan: string
  status: string
  provider: string | null
  subscription: string | null
}

describe.skipIf(unavailable)(`billing function: webhooks${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let world: BillingWorld
  beforeAll(async () => {
    world = await startBillingWorld()
  }, budget(180_000))
  afterAll(async () => {
    await world?.stop()
  })

  const now = () => Math.floor(Date.now() / 1000)
  const workspace = async () => {
    const admin = await world.server.signUp(`admin-${randomUUID()}@example.test`)
    return world.server.createOrganisation(admin, 'Webhook Co')
  }
  const state = async (orgId: string): Promise<State> =>
    (
      await world.server.owner.query<State>(
        // The plan in force (a lapsed subscription is Free), as the app reads it.
        `select (private.effective_plan(org_id)).id as plan, status, provider, provider_subscription as subscription
         from billing_entitlements where org_id = $1`,
        [orgId],
      )
    ).rows[0]!
  const records = async (where: string, value: string) =>
    (
      await world.server.owner.query<{ event_id: string; type: string; applied: boolean }>(
        `select event_id, type, applied from billing_events where ${where} = $1 order by received_at, event_id`,
        [value],
      )
    ).rows
  const allEvents = async () =>
    Number((await world.server.owner.query('select count(*) from billing_events')).rows[0].count)

  /** A Stripe subscription of `orgId` to `plan`, known to the stub (as checkout would leave it). */
  const stripeSubscription = (orgId: string, plan: 'plus' | 'pro' = 'plus'): StripeSubscription =>
    world.stripe.createSubscription({ price: world.settings.stripe.prices[plan], metadata: { org_id: orgId, plan } })
  const withPrice = (subscription: StripeSubscription, plan: 'plus' | 'pro'): StripeSubscription => ({
    ...subscription,
    items: {
      ...subscription.items,
      data: [{ ...subscription.items.data[0]!, price: { id: world.settings.stripe.prices[plan], object: 'price' } }],
    },
  })

  describe('Stripe', () => {
    it('forged signature, wrong secret, stale timestamp, modified body or no header: 400 and nothing changes', async () => {
      const orgId = await workspace()
      const event = world.stripe.event('customer.subscription.created', stripeSubscription(orgId, 'pro'))
      const payload = JSON.stringify(event, null, 2)
      const before = await allEvents()
      const refusals = [
        await world.deliverStripe(event, { header: `t=${now()},v1=${'ab'.repeat(32)}` }),
        await world.deliverStripe(event, { secret: `whsec_${'0'.repeat(48)}` }),
        await world.deliverStripe(event, { timestamp: now() - 301 }),
        await world.deliverStripe(event, { body: payload.replace(/"status": "active"/, '"status": "trialing"') }),
        await world.deliverStripe(event, { header: '' }),
      ]
      expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400, 400])
      expect((refusals[2]!.body as { error: string }).error).toMatch(/Timestamp outside the tolerance zone/)
      expect((refusals[3]!.body as { error: string }).error).toMatch(/No signatures found matching/)
      expect(await allEvents()).toBe(before)
      expect(await state(orgId)).toMatchObject({ plan: 'free', status: 'none' })

      // The same event, properly signed within the tolerance, is applied.
      const accepted = await world.deliverStripe(event, { timestamp: now() - 240 })
      expect(accepted).toMatchObject({ status: 200, body: { applied: true, duplicate: false } })
      expect(await state(orgId)).toMatchObject({ plan: 'pro', status: 'active', provider: 'stripe' })
    })

    it('the same event delivered twice has one effect and one record', async () => {
      const orgId = await workspace()
      const subscription = stripeSubscription(orgId)
      const event = world.stripe.event('customer.subscription.created', subscription, { created: now() - 60 })
      expect(await world.deliverStripe(event)).toMatchObject({ status: 200, body: { applied: true } })
      // The admin moves to Pro; then Stripe delivers the first event again.
      const upgraded = world.stripe.event('customer.subscription.updated', withPrice(subscription, 'pro'))
      expect(await world.deliverStripe(upgraded)).toMatchObject({ status: 200, body: { applied: true } })
      expect(await world.deliverStripe(event)).toMatchObject({ status: 200, body: { applied: false, duplicate: true } })
      expect(await state(orgId)).toMatchObject({ plan: 'pro', status: 'active' })
      expect((await records('org_id', orgId)).filter((r) => r.event_id === event.id)).toHaveLength(1)
    })

    it('ten copies at once: all answered 200, one applied, nine duplicates', async () => {
      const orgId = await workspace()
      const event = world.stripe.event('customer.subscription.created', stripeSubscription(orgId, 'pro'))
      const answers = await Promise.all(Array.from({ length: 10 }, () => world.deliverStripe(event)))
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
      const bodies = answers.map((a) => a.body as { applied: boolean; duplicate: boolean })
      expect(bodies.filter((b) => b.applied)).toHaveLength(1)
      expect(bodies.filter((b) => b.duplicate)).toHaveLength(9)
      expect(await records('org_id', orgId)).toEqual([
        { event_id: event.id, type: 'customer.subscription.created', applied: true },
      ])
      expect(await state(orgId)).toMatchObject({ plan: 'pro' })
    })

    it('customer.subscription.updated before created: the final plan is the update', async () => {
      const orgId = await workspace()
      const subscription = stripeSubscription(orgId, 'plus')
      const created = world.stripe.event('customer.subscription.created', subscription, { created: now() - 10 })
      const updated = world.stripe.event('customer.subscription.updated', withPrice(subscription, 'pro'), {
        created: now() - 5,
      })
      expect(await world.deliverStripe(updated)).toMatchObject({ status: 200, body: { applied: true } })
      expect(await world.deliverStripe(created)).toMatchObject({
        status: 200,
        body: { applied: false, duplicate: false },
      })
      expect(await state(orgId)).toMatchObject({ plan: 'pro', status: 'active', subscription: subscription.id })
    })

    it('created and updated in the same second, updated first: the plan stays the update', async () => {
      const orgId = await workspace()
      const subscription = stripeSubscription(orgId, 'plus')
      const second = now() - 5
      const updated = world.stripe.event('customer.subscription.updated', withPrice(subscription, 'pro'), {
        created: second,
      })
      const created = world.stripe.event('customer.subscription.created', subscription, { created: second })
      expect((await world.deliverStripe(updated)).status).toBe(200)
      expect((await world.deliverStripe(created)).status).toBe(200)
      expect(await state(orgId)).toMatchObject({ plan: 'pro' })
    })

    it('cancel before renew: the earlier renewal arriving late does not bring the plan back', async () => {
      const orgId = await workspace()
      const subscription = stripeSubscription(orgId, 'plus')
      await world.deliverStripe(
        world.stripe.event('customer.subscription.created', subscription, { created: now() - 30 }),
      )
      const renewed = world.stripe.event('customer.subscription.updated', subscription, { created: now() - 20 })
      const deleted = world.stripe.event(
        'customer.subscription.deleted',
        { ...subscription, status: 'canceled' },
        { created: now() - 10 },
      )
      expect(await world.deliverStripe(deleted)).toMatchObject({ status: 200, body: { applied: true } })
      expect(await world.deliverStripe(renewed)).toMatchObject({ status: 200, body: { applied: false } })
      expect(await state(orgId)).toMatchObject({ plan: 'free', status: 'canceled' })
    })

    it('checkout.session.completed reads the subscription through the SDK and finds the workspace by its metadata', async () => {
      const orgId = await workspace()
      // The session names the workspace; this subscription carries none of its own.
      const subscription = world.stripe.createSubscription({ price: world.settings.stripe.prices.pro, metadata: {} })
      const session = {
        id: `cs_test_${randomUUID()}`,
        object: 'checkout.session',
        mode: 'subscription',
        status: 'complete',
        client_reference_id: orgId,
        metadata: { org_id: orgId, plan: 'pro' },
        customer: subscription.customer,
        subscription: subscription.id,
      }
      const asked = world.stripe.requests.length
      const answer = await world.deliverStripe(world.stripe.event('checkout.session.completed', session))
      expect(answer).toMatchObject({ status: 200, body: { applied: true } })
      expect(world.stripe.requests.slice(asked)).toEqual([
        { method: 'GET', path: `/v1/subscriptions/${subscription.id}`, body: {} },
      ])
      expect(await state(orgId)).toMatchObject({ plan: 'pro', status: 'active', subscription: subscription.id })
    })

    it('a subscription Stripe cannot find: 500 and nothing recorded, so Stripe retries', async () => {
      const orgId = await workspace()
      const session = {
        id: `cs_test_${randomUUID()}`,
        object: 'checkout.session',
        mode: 'subscription',
        client_reference_id: orgId,
        metadata: { org_id: orgId },
        subscription: 'sub_test_never_created',
      }
      const event = world.stripe.event('checkout.session.completed', session)
      expect((await world.deliverStripe(event)).status).toBe(500)
      expect(await records('event_id', event.id)).toEqual([])
    })

    it('a failed effect answers 500 and records nothing; the retry is applied', async () => {
      const orgId = await workspace()
      const event = world.stripe.event('customer.subscription.created', stripeSubscription(orgId, 'pro'))
      // The entitlement update fails for this workspace only, after the event row was written.
      const trigger = `fail_${orgId.replace(/-/g, '')}`
      await world.server.owner.query(`
        create function public.${trigger}() returns trigger language plpgsql as $$
        begin raise exception 'entitlements unavailable'; end $$;
        create trigger ${trigger} before update on public.billing_entitlements
          for each row when (new.org_id = '${orgId}') execute function public.${trigger}();`)
      try {
        const failed = await world.deliverStripe(event)
        expect(failed.status).toBe(500)
        expect(failed.body).toEqual({ error: 'The event could not be applied; deliver it again.' })
        expect(await records('event_id', event.id)).toEqual([])
        expect(await state(orgId)).toMatchObject({ plan: 'free' })
      } finally {
        await world.server.owner.query(
          `drop trigger ${trigger} on public.billing_entitlements; drop function public.${trigger}()`,
        )
      }
      expect(await world.deliverStripe(event)).toMatchObject({ status: 200, body: { applied: true, duplicate: false } })
      expect(await state(orgId)).toMatchObject({ plan: 'pro' })
    })

    it('other event types are recorded without changing anything; an incomplete subscription gives nothing', async () => {
      const orgId = await workspace()
      const invoice = world.stripe.event('invoice.paid', { id: 'in_test_1', object: 'invoice' })
      expect(await world.deliverStripe(invoice)).toMatchObject({
        status: 200,
        body: { applied: false, duplicate: false },
      })
      expect(await records('event_id', invoice.id)).toEqual([
        { event_id: invoice.id, type: 'invoice.paid', applied: false },
      ])
      const incomplete = world.stripe.event('customer.subscription.created', {
        ...stripeSubscription(orgId, 'pro'),
        status: 'incomplete',
      })
      expect(await world.deliverStripe(incomplete)).toMatchObject({ status: 200, body: { applied: false } })
      const unknownPrice = world.stripe.event('customer.subscription.created', {
        ...world.stripe.createSubscription({ price: 'price_someone_else', metadata: { org_id: orgId } }),
      })
      expect(await world.deliverStripe(unknownPrice)).toMatchObject({ status: 200, body: { applied: false } })
      expect(await state(orgId)).toMatchObject({ plan: 'free', status: 'none' })
    })
  })

  describe('Razorpay', () => {
    /** A Razorpay subscription of `orgId` created through the function's checkout, as an admin would. */
    async function razorpaySubscription(plan: 'plus' | 'pro' = 'plus') {
      const admin = await world.server.signUp(`admin-${randomUUID()}@example.test`)
      const orgId = await world.server.createOrganisation(admin, 'Razorpay Co')
      const response = await fetch(`${world.functionUrl}/checkout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ org: orgId, plan, provider: 'razorpay' }),
      })
      const { url } = (await response.json()) as { url: string }
      return { orgId, subscription: url.split('/').pop()! }
    }

    it('forged signature, wrong secret, modified body, no event id: 400 and nothing changes', async () => {
      const { orgId, subscription } = await razorpaySubscription('pro')
      const before = await allEvents()
      const refusals = [
        await world.deliverRazorpay('subscription.activated', subscription, { signature: 'ab'.repeat(32) }),
        await world.deliverRazorpay('subscription.activated', subscription, { secret: 'not-the-secret' }),
        await world.deliverRazorpay('subscription.activated', subscription, {
          signature: '',
        }),
        await world.deliverRazorpay('subscription.activated', subscription, {
          body: JSON.stringify({ event: 'subscription.activated', created_at: now(), payload: {} }),
        }),
        await world.deliverRazorpay('subscription.activated', subscription, { eventId: '' }),
      ]
      expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400, 400])
      expect(await allEvents()).toBe(before)
      expect(await state(orgId)).toMatchObject({ plan: 'free', status: 'none' })
      expect((await world.deliverRazorpay('subscription.activated', subscription)).status).toBe(200)
      expect(await state(orgId)).toMatchObject({ plan: 'pro', status: 'active', provider: 'razorpay' })
    })

    it('during a secret rotation a retry signed with the previous secret is still accepted', async () => {
      const { orgId, subscription } = await razorpaySubscription('pro')
      const retried = await world.deliverRazorpay('subscription.activated', subscription, {
        secret: world.settings.razorpay.previousWebhookSecret,
      })
      expect(retried).toMatchObject({ status: 200, body: { applied: true } })
      expect(await state(orgId)).toMatchObject({ plan: 'pro', status: 'active' })
    })

    it('the same event id twice, and ten copies at once: one effect', async () => {
      const { orgId, subscription } = await razorpaySubscription()
      const eventId = `evt_${randomUUID()}`
      const createdAt = now() - 30
      expect(await world.deliverRazorpay('subscription.activated', subscription, { eventId, createdAt })).toMatchObject(
        {
          status: 200,
          body: { applied: true },
        },
      )
      expect(await world.deliverRazorpay('subscription.activated', subscription, { eventId, createdAt })).toMatchObject(
        {
          status: 200,
          body: { applied: false, duplicate: true },
        },
      )
      const copies = `evt_${randomUUID()}`
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          world.deliverRazorpay('subscription.pending', subscription, { eventId: copies, createdAt: createdAt + 10 }),
        ),
      )
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
      expect(answers.filter((a) => (a.body as { applied: boolean }).applied)).toHaveLength(1)
      expect(await records('org_id', orgId)).toHaveLength(2)
      expect(await state(orgId)).toMatchObject({ plan: 'plus', status: 'past_due' })
    })

    it('subscription.charged replayed under a new event id with the same payment: one effect', async () => {
      const { orgId, subscription } = await razorpaySubscription('pro')
      const paymentId = `pay_${randomUUID().slice(0, 14)}`
      const first = await world.deliverRazorpay('subscription.charged', subscription, {
        paymentId,
        createdAt: now() - 20,
      })
      expect(first).toMatchObject({ status: 200, body: { applied: true, duplicate: false } })
      const replay = await world.deliverRazorpay('subscription.charged', subscription, {
        paymentId,
        createdAt: now() - 20,
      })
      expect(replay.eventId).not.toBe(first.eventId)
      expect(replay).toMatchObject({ status: 200, body: { applied: false, duplicate: true } })
      expect(await records('org_id', orgId)).toEqual([
        { event_id: first.eventId, type: 'subscription.charged', applied: true },
      ])
      expect(await state(orgId)).toMatchObject({ plan: 'pro', status: 'active' })
    })

    it('cancelled before an earlier charge arrives: the workspace stays cancelled', async () => {
      const { orgId, subscription } = await razorpaySubscription()
      await world.deliverRazorpay('subscription.activated', subscription, { createdAt: now() - 30 })
      const cancelled = await world.deliverRazorpay('subscription.cancelled', subscription, { createdAt: now() - 10 })
      expect(cancelled).toMatchObject({ status: 200, body: { applied: true } })
      const lateCharge = await world.deliverRazorpay('subscription.charged', subscription, { createdAt: now() - 20 })
      expect(lateCharge).toMatchObject({ status: 200, body: { applied: false, duplicate: false } })
      expect(await state(orgId)).toMatchObject({ plan: 'free', status: 'canceled' })
    })

    it('halted stops the plan; resumed brings it back', async () => {
      const { orgId, subscription } = await razorpaySubscription('pro')
      await world.deliverRazorpay('subscription.activated', subscription, { createdAt: now() - 30 })
      await world.deliverRazorpay('subscription.halted', subscription, { createdAt: now() - 20 })
      expect(await state(orgId)).toMatchObject({ plan: 'free', status: 'canceled' })
      await world.deliverRazorpay('subscription.resumed', subscription, { createdAt: now() - 10 })
      expect(await state(orgId)).toMatchObject({ plan: 'pro', status: 'active' })
    })
  })
})
