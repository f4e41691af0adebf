// The two database functions the billing function calls through PostgREST: the checkout context
// as the signed-in admin (their own token, so the database decides who is an admin) and
// billing_apply_event as the service role (the only role allowed to change a plan).

import type { BillingConfig, Plan, Provider } from './config.ts'

export interface CheckoutContext {
  org_id: string
  org_name: string
  email: string | null
  plan: string
  status: string
  provider: Provider | null
  customer: string | null
  subscription: string | null
}

export type SubscriptionStatus = 'active' | 'trialing' | 'past_due' | 'canceled'

/** One verified provider event, as billing_apply_event takes it. */
export interface ProviderEvent {
  p_provider: Provider
  p_event_id: string
  p_type: string
  p_payment_id: string | null
  p_org: string | null
  p_subscription: string | null
  p_customer: string | null
  /** null: record the event and change nothing. */
  p_plan: Plan | null
  p_status: SubscriptionStatus | null
  p_period_start: string | null
  p_period_end: string | null
  p_occurred_at: string
}

export type ContextAnswer =
  { ok: true; context: CheckoutContext } | { ok: false; status: 401 | 403 | 502; error: string }

export async function checkoutContext(
  config: BillingConfig,
  authorization: string,
  org: string,
): Promise<ContextAnswer> {
  const response = await fetch(`${config.supabaseUrl}/rest/v1/rpc/billing_checkout_context`, {
    method: 'POST',
    headers: { apikey: config.anonKey, authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ p_org: org }),
  })
  if (response.ok) return { ok: true, context: (await response.json()) as CheckoutContext }
  await response.body?.cancel()
  if (response.status === 401) return { ok: false, status: 401, error: 'Sign in again to change the plan.' }
  if (response.status === 403)
    return { ok: false, status: 403, error: 'Only an admin of this workspace can change its plan.' }
  return { ok: false, status: 502, error: 'The workspace server could not be reached. Try again shortly.' }
}

export type ApplyAnswer = { ok: true; applied: boolean; duplicate: boolean } | { ok: false; detail: string }

export async function applyEvent(config: BillingConfig, event: ProviderEvent): Promise<ApplyAnswer> {
  const response = await fetch(`${config.supabaseUrl}/rest/v1/rpc/billing_apply_event`, {
    method: 'POST',
    headers: {
      apikey: config.serviceKey,
      authorization: `Bearer ${config.serviceKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(event),
  })
  if (!response.ok)
    return { ok: false, detail: `billing_apply_event answered ${response.status}: ${await response.text()}` }
  const answer = (await response.json()) as { applied: boolean; duplicate: boolean }
  return { ok: true, applied: answer.applied === true, duplicate: answer.duplicate === true }
}
