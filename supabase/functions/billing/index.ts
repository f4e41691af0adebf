// The billing Edge Function, under /functions/v1/billing:
//   POST /billing/checkout          { org, plan, provider } → { url }  (a signed-in admin of org)
//   POST /billing/portal            { org } → { url }                  (a signed-in admin of org)
//   POST /billing/webhook/stripe    Stripe's signed events
//   POST /billing/webhook/razorpay  Razorpay's signed events
// Deploy with `supabase functions deploy billing --no-verify-jwt`: the providers send no Supabase
// token (their signature is the authentication), and checkout checks the admin's token itself
// through the database.

import { checkout, portal } from './checkout.ts'
import { readConfig, type BillingConfig } from './config.ts'
import { razorpayClient, stripeClient } from './providers.ts'
import { razorpayWebhook } from './razorpay-webhook.ts'
import { refuse } from './reply.ts'
import { stripeWebhook } from './stripe-webhook.ts'

export function createHandler(config: BillingConfig): (request: Request) => Promise<Response> {
  const deps = { config, stripe: stripeClient(config.stripe), razorpay: razorpayClient(config.razorpay) }
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    '/checkout': (request) => checkout(request, deps),
    '/portal': (request) => portal(request, deps),
    '/webhook/stripe': (request) => stripeWebhook(request, deps),
    '/webhook/razorpay': (request) => razorpayWebhook(request, config),
  }
  return async (request) => {
    const path = new URL(request.url).pathname.replace(/^\/billing(?=\/|$)/, '')
    const route = routes[path]
    if (!route) return refuse(404, 'No such billing route.')
    if (request.method !== 'POST') return refuse(405, 'Use POST.')
    try {
      return await route(request)
    } catch (error) {
      console.error('billing: unexpected failure:', error)
      return refuse(500, 'The billing service failed; try again.')
    }
  }
}

if (import.meta.main) {
  const handler = createHandler(readConfig((name) => Deno.env.get(name)))
  const port = Number(Deno.env.get('PORT') ?? '8000')
  Deno.serve(
    { port, hostname: Deno.env.get('HOSTNAME') ?? '0.0.0.0', onListen: ({ port }) => console.log(`listening ${port}`) },
    handler,
  )
}
