// POST /billing/webhook/stripe: Stripe's signed events. The signature (Stripe-Signature over the raw
// body, 300 s tolerance) is the only authentication; anything that fails it is refused with 400
// and touches nothing. A verified event is handed to billing_apply_event, which records it once
// with its effect; when that fails the answer is 500 so Stripe delivers it again.

import type { BillingConfig, Plan } from './config.ts'
import { planOf } from './config.ts'
import { applyEvent, type ProviderEvent, type SubscriptionStatus } from './database.ts'
import { Stripe } from './providers.ts'
import { json, refuse } from './reply.ts'

export interface StripeWebhookDeps {
  config: BillingConfig
  stripe: Stripe
}

const TOLERANCE_SECONDS = 300
const cryptoProvider = Stripe.createSubtleCryptoProvider()

const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
])

/**
 * Stripe's subscription statuses in our four. `incomplete` (the first payment not made yet) gives
 * nothing and is recorded only; unpaid, paused and expired subscriptions give no access.
 */
function statusOf(status: Stripe.Subscription.Status): SubscriptionStatus | null {
  switch (status) {
    case 'active':
      return 'active'
    case 'trialing':
      return 'trialing'
    case 'past_due':
      return 'past_due'
    case 'incomplete':
      return null
    default:
      return 'canceled'
  }
}

const iso = (seconds: number | null | undefined) =>
  typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const orgOf = (...candidates: (string | null | undefined)[]) => candidates.find((c) => c && UUID.test(c)) ?? null

/** The event's effect on a subscription, as billing_apply_event takes it. */
function subscriptionEvent(
  event: Stripe.Event,
  subscription: Stripe.Subscription,
  prices: Record<Plan, string>,
  org: string | null,
): ProviderEvent {
  const item = subscription.items.data[0]
  const plan = planOf(prices, item?.price.id)
  const status = event.type === 'customer.subscription.deleted' ? 'canceled' : statusOf(subscription.status)
  return {
    ...recordOnly(event),
    p_org: orgOf(org, subscription.metadata?.org_id),
    p_subscription: subscription.id,
    p_customer: idOf(subscription.customer),
    // A price we do not sell, or a subscription not paid for yet: recorded, no change.
    p_plan: plan && status ? plan : null,
    p_status: plan && status ? status : null,
    p_period_start: iso(item?.current_period_start),
    p_period_end: iso(item?.current_period_end),
  }
}

function recordOnly(event: Stripe.Event): ProviderEvent {
  return {
    p_provider: 'stripe',
    p_event_id: event.id,
    p_type: event.type,
    p_payment_id: null,
    p_org: null,
    p_subscription: null,
    p_customer: null,
    p_plan: null,
    p_status: null,
    p_period_start: null,
    p_period_end: null,
    p_occurred_at: new Date(event.created * 1000).toISOString(),
  }
}

async function toProviderEvent(event: Stripe.Event, deps: StripeWebhookDeps): Promise<ProviderEvent> {
  const prices = deps.config.stripe.prices
  if (SUBSCRIPTION_EVENTS.has(event.type)) {
    return subscriptionEvent(event, event.data.object as Stripe.Subscription, prices, null)
  }
  if (event.type === 'checkout.session.completed') {
    const session = event.data.object as Stripe.Checkout.Session
    const subscriptionId = idOf(session.subscription)
    if (session.mode === 'subscription' && subscriptionId) {
      // The session does not carry the subscription's state: ask Stripe for it now.
      const subscription = await deps.stripe.subscriptions.retrieve(subscriptionId)
      return subscriptionEvent(
        event,
        subscription,
        prices,
        orgOf(session.metadata?.org_id, session.client_reference_id),
      )
    }
  }
  return recordOnly(event)
}

export async function stripeWebhook(request: Request, deps: StripeWebhookDeps): Promise<Response> {
  const signature = request.headers.get('stripe-signature')
  // The raw text, exactly as signed: parsed and re-serialised JSON would not verify.
  const raw = await request.text()
  if (!signature) return refuse(400, 'No Stripe-Signature header.')
  let event: Stripe.Event
  try {
    event = await deps.stripe.webhooks.constructEventAsync(
      raw,
      signature,
      deps.config.stripe.webhookSecret,
      TOLERANCE_SECONDS,
      cryptoProvider,
    )
  } catch (error) {
    return refuse(400, `Webhook refused: ${error instanceof Error ? error.message : String(error)}`)
  }
  let providerEvent: ProviderEvent
  try {
    providerEvent = await toProviderEvent(event, deps)
  } catch (error) {
    console.error(`billing: stripe event ${event.id} could not be read:`, error)
    return refuse(500, 'The event could not be processed; deliver it again.')
  }
  const answer = await applyEvent(deps.config, providerEvent).catch((error: unknown) => ({
    ok: false as const,
    detail: String(error),
  }))
  if (!answer.ok) {
    console.error(`billing: stripe event ${event.id} not applied: ${answer.detail}`)
    return refuse(500, 'The event could not be applied; deliver it again.')
  }
  return json(200, { received: true, applied: answer.applied, duplicate: answer.duplicate })
}
