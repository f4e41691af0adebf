// POST /billing/webhook/razorpay: Razorpay's signed events. X-Razorpay-Signature is the hex
// HMAC-SHA256 of the raw body under the webhook secret, with no timestamp, so a captured delivery
// can be replayed: x-razorpay-event-id (required) and, for charges, the payment id are what make a
// replay change nothing (billing_apply_event records both uniquely).

import { z } from 'npm:zod@4.6.7'
import { planOf, type BillingConfig } from './config.ts'
import { applyEvent, type ProviderEvent, type SubscriptionStatus } from './database.ts'
import { json, refuse } from './reply.ts'

/** Razorpay's subscription events and the status each leaves the workspace in. */
const STATUS_OF: Record<string, SubscriptionStatus> = {
  'subscription.activated': 'active',
  'subscription.charged': 'active',
  'subscription.resumed': 'active',
  'subscription.pending': 'past_due',
  'subscription.halted': 'canceled',
  'subscription.cancelled': 'canceled',
  'subscription.completed': 'canceled',
}

const seconds = z.number().int().positive()
const entity = <T extends z.ZodType>(shape: T) => z.object({ entity: shape })
const webhookBody = z.object({
  event: z.string().min(1).max(100),
  created_at: seconds,
  payload: z
    .object({
      subscription: entity(
        z.object({
          id: z.string().min(1).max(200),
          plan_id: z.string().max(200).nullish(),
          customer_id: z.string().max(200).nullish(),
          current_start: seconds.nullish(),
          current_end: seconds.nullish(),
          notes: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish(),
        }),
      ).optional(),
      payment: entity(z.object({ id: z.string().min(1).max(200) })).optional(),
    })
    .default({}),
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const iso = (s: number | null | undefined) => (typeof s === 'number' ? new Date(s * 1000).toISOString() : null)
const encoder = new TextEncoder()

/** Compares every byte whatever differs first, so the time taken says nothing about the signature. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

async function signatureMatches(secret: string, raw: string, signature: string): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(raw)))
  const expected = Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('')
  return sameBytes(encoder.encode(expected), encoder.encode(signature.trim().toLowerCase()))
}

export async function razorpayWebhook(request: Request, config: BillingConfig): Promise<Response> {
  const raw = await request.text()
  const signature = request.headers.get('x-razorpay-signature')
  const eventId = request.headers.get('x-razorpay-event-id')?.trim()
  if (!signature) return refuse(400, 'No X-Razorpay-Signature header.')
  const matches = await Promise.all(
    config.razorpay.webhookSecrets.map((secret) => signatureMatches(secret, raw, signature)),
  )
  if (!matches.includes(true)) return refuse(400, 'Webhook refused: the signature does not match the body.')
  if (!eventId || eventId.length > 200) return refuse(400, 'No x-razorpay-event-id header.')
  let parsed: z.infer<typeof webhookBody>
  try {
    parsed = webhookBody.parse(JSON.parse(raw))
  } catch (error) {
    return refuse(400, `Webhook refused: ${error instanceof Error ? error.message : String(error)}`)
  }
  const subscription = parsed.payload.subscription?.entity
  const status = STATUS_OF[parsed.event] ?? null
  const plan = planOf(config.razorpay.plans, subscription?.plan_id)
  const notes = subscription?.notes && !Array.isArray(subscription.notes) ? subscription.notes : {}
  const org = typeof notes.org_id === 'string' && UUID.test(notes.org_id) ? notes.org_id : null
  const event: ProviderEvent = {
    p_provider: 'razorpay',
    p_event_id: eventId,
    p_type: parsed.event,
    p_payment_id: parsed.event === 'subscription.charged' ? (parsed.payload.payment?.entity.id ?? null) : null,
    p_org: org,
    p_subscription: subscription?.id ?? null,
    p_customer: subscription?.customer_id ?? null,
    // Another event type, or a plan we do not sell: recorded, no change.
    p_plan: status && plan ? plan : null,
    p_status: status && plan ? status : null,
    p_period_start: iso(subscription?.current_start),
    p_period_end: iso(subscription?.current_end),
    p_occurred_at: new Date(parsed.created_at * 1000).toISOString(),
  }
  const answer = await applyEvent(config, event).catch((error: unknown) => ({
    ok: false as const,
    detail: String(error),
  }))
  if (!answer.ok) {
    console.error(`billing: razorpay event ${eventId} not applied: ${answer.detail}`)
    return refuse(500, 'The event could not be applied; deliver it again.')
  }
  return json(200, { received: true, applied: answer.applied, duplicate: answer.duplicate })
}
