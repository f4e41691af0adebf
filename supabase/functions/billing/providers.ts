// The providers' official SDKs, pointed at their real APIs or (STRIPE_API_URL, RAZORPAY_API_URL) at
// the wire stubs the tests run.

import Stripe from 'npm:stripe@23.1.0'
import Razorpay from 'npm:razorpay@2.9.8'
import type { BillingConfig } from './config.ts'

export { Stripe }

export function stripeClient(config: BillingConfig['stripe']): Stripe {
  const url = config.apiUrl
  return new Stripe(config.secretKey, {
    // Deno has no Node http module worth using here: the SDK's fetch client works everywhere.
    httpClient: Stripe.createFetchHttpClient(),
    ...(url
      ? {
          host: url.hostname,
          port: url.port || (url.protocol === 'https:' ? '443' : '80'),
          protocol: url.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  })
}

/** What the function uses of a Razorpay subscription (the API's entity has many more fields). */
export interface RazorpaySubscription {
  id: string
  plan_id: string
  status: string
  short_url: string
}

export interface RazorpayApi {
  createSubscription(params: {
    plan_id: string
    total_count: number
    quantity: number
    customer_notify: 0 | 1
    notes: Record<string, string>
  }): Promise<RazorpaySubscription>
  fetchSubscription(id: string): Promise<RazorpaySubscription>
}

export function razorpayClient(config: BillingConfig['razorpay']): RazorpayApi {
  const instance = new Razorpay({ key_id: config.keyId, key_secret: config.keySecret })
  // razorpay-node keeps its axios instance on `api.rq` and takes no host option; its resources
  // build paths under /v1, so changing the base URL is enough to reach the stub.
  if (config.apiUrl)
    (instance as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL = config.apiUrl
  return {
    createSubscription: (params) => instance.subscriptions.create(params) as unknown as Promise<RazorpaySubscription>,
    fetchSubscription: (id) => instance.subscriptions.fetch(id) as unknown as Promise<RazorpaySubscription>,
  }
}
