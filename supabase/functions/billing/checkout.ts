// POST /billing/checkout and /billing/portal, for a signed-in admin of the workspace: the page
// where they pay for a plan, or manage the subscription they have. The URL is opened in the
// system browser by the app; nothing here changes the plan (only a verified webhook does).

import { z } from 'npm:zod@4.6.7'
import type { BillingConfig } from './config.ts'
import { checkoutContext, type CheckoutContext } from './database.ts'
import type { RazorpayApi, Stripe } from './providers.ts'
import { json, refuse } from './reply.ts'

export interface CheckoutDeps {
  config: BillingConfig
  stripe: Stripe
  razorpay: RazorpayApi
}

const checkoutInput = z.strictObject({
  org: z.uuid(),
  plan: z.enum(['plus', 'pro']),
  provider: z.enum(['stripe', 'razorpay']),
})
const portalInput = z.strictObject({ org: z.uuid() })

/** The caller's token and the validated body, or the answer that refuses them. */
async function admit<T extends { org: string }>(
  request: Request,
  schema: z.ZodType<T>,
  deps: CheckoutDeps,
): Promise<{ input: T; context: CheckoutContext } | Response> {
  const authorization = request.headers.get('authorization') ?? ''
  if (!/^Bearer \S+$/i.test(authorization)) return refuse(401, 'Sign in to change the plan.')
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return refuse(400, 'The request body must be JSON.')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) return refuse(400, `Bad request: ${z.prettifyError(parsed.error)}`)
  const answer = await checkoutContext(deps.config, authorization, parsed.data.org)
  if (!answer.ok) return refuse(answer.status, answer.error)
  return { input: parsed.data, context: answer.context }
}

const providerFailed = (provider: 'stripe' | 'razorpay', error: unknown) => {
  console.error(`billing: ${provider} refused:`, error)
  return refuse(502, `${provider === 'stripe' ? 'Stripe' : 'Razorpay'} did not answer as expected. Try again shortly.`)
}

export async function checkout(request: Request, deps: CheckoutDeps): Promise<Response> {
  const admitted = await admit(request, checkoutInput, deps)
  if (admitted instanceof Response) return admitted
  const { input, context } = admitted
  const { config } = deps
  const tags = { org_id: context.org_id, plan: input.plan }
  if (input.provider === 'stripe') {
    const back = new URL(config.returnUrl)
    try {
      const session = await deps.stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: config.stripe.prices[input.plan], quantity: 1 }],
        client_reference_id: context.org_id,
        metadata: tags,
        subscription_data: { metadata: tags },
        // A returning Stripe customer keeps their payment methods and invoices in one place.
        ...(context.provider === 'stripe' && context.customer
          ? { customer: context.customer }
          : context.email
            ? { customer_email: context.email }
            : {}),
        success_url: withQuery(back, 'checkout', 'done'),
        cancel_url: withQuery(back, 'checkout', 'cancelled'),
      })
      if (!session.url) return providerFailed('stripe', 'a session without a URL')
      return json(200, { url: session.url })
    } catch (error) {
      return providerFailed('stripe', error)
    }
  }
  try {
    const subscription = await deps.razorpay.createSubscription({
      plan_id: config.razorpay.plans[input.plan],
      // Razorpay requires a number of billing cycles: ten years of months, cancelled by the admin.
      total_count: 120,
      quantity: 1,
      customer_notify: 1,
      notes: tags,
    })
    return json(200, { url: subscription.short_url })
  } catch (error) {
    return providerFailed('razorpay', error)
  }
}

export async function portal(request: Request, deps: CheckoutDeps): Promise<Response> {
  const admitted = await admit(request, portalInput, deps)
  if (admitted instanceof Response) return admitted
  const { context } = admitted
  try {
    if (context.provider === 'stripe' && context.customer) {
      const session = await deps.stripe.billingPortal.sessions.create({
        customer: context.customer,
        return_url: withQuery(new URL(deps.config.returnUrl), 'portal', 'closed'),
      })
      return json(200, { url: session.url })
    }
    if (context.provider === 'razorpay' && context.subscription) {
      // Razorpay has no customer portal: the subscription's own page is where it is paid and managed.
      const subscription = await deps.razorpay.fetchSubscription(context.subscription)
      return json(200, { url: subscription.short_url })
    }
  } catch (error) {
    return providerFailed(context.provider ?? 'stripe', error)
  }
  return refuse(409, 'This workspace has no paid subscription to manage yet.')
}

function withQuery(base: URL, key: string, value: string): string {
  const url = new URL(base)
  url.searchParams.set(key, value)
  return url.toString()
}
