import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { budget } from '../../helpers/patience'
import { startRazorpayStub, type RazorpayStub } from '../razorpay'
import { startStripeStub, type StripeStub } from '../stripe'
import { edgeFunctionsUnavailable } from '../supabase/function-routes'
import { startWorkspaceServer, workspaceServerUnavailable, type WorkspaceServer } from '../supabase'

/**
 * Everything billing talks to, for one test file: real Postgres with the migrations, the Supabase
 * stand-in running the real `billing` Edge Function under Deno, and the Stripe and Razorpay wire
 * stubs its SDKs call and that deliver signed webhooks back to it.
 */

const FUNCTION = path.resolve(__dirname, '../../../supabase/functions/billing/index.ts')

/** The ids and secrets the function was started with (what a deployment sets as secrets). */
export interface BillingSettings {
  stripe: { secretKey: string; webhookSecret: string; prices: { plus: string; pro: string } }
  razorpay: {
    keyId: string
    keySecret: string
    webhookSecret: string
    /** The secret before the last rotation, still accepted (RAZORPAY_WEBHOOK_SECRET_PREVIOUS). */
    previousWebhookSecret: string
    plans: { plus: string; pro: string }
  }
  returnUrl: string
}

export interface BillingWorld {
  server: WorkspaceServer
  stripe: StripeStub
  razorpay: RazorpayStub
  settings: BillingSettings
  /** The function's base URL: `${server.url}/functions/v1/billing`. */
  functionUrl: string
  /** Pays the checkout at `url` (a Stripe session or a Razorpay subscription page) and delivers its webhooks. */
  completeCheckout(url: string): Promise<{ deliveries: { status: number; body: unknown }[] }>
  deliverStripe: StripeStub['deliver']
  deliverRazorpay: RazorpayStub['deliver']
  stop(): Promise<void>
}

/** Why the billing world cannot start here (worded "needs …"), or null when it can. */
export function billingWorldUnavailable(): string | null {
  return workspaceServerUnavailable() ?? edgeFunctionsUnavailable()
}

const secret = (prefix: string) => `${prefix}${randomBytes(24).toString('hex')}`

export async function startBillingWorld(): Promise<BillingWorld> {
  const settings: BillingSettings = {
    stripe: {
      secretKey: secret('sk_test_'),
      webhookSecret: secret('whsec_'),
      prices: { plus: 'price_test_plus_monthly', pro: 'price_test_pro_monthly' },
    },
    razorpay: {
      keyId: `rzp_test_${randomBytes(7).toString('hex')}`,
      keySecret: secret(''),
      webhookSecret: secret(''),
      previousWebhookSecret: secret(''),
      plans: { plus: 'plan_test_plus_monthly', pro: 'plan_test_pro_monthly' },
    },
    returnUrl: 'https://panelist.example/billing',
  }
  // The stubs start first (the function's environment names them); their webhooks go to the
  // function, whose URL is known once the stand-in listens.
  let functionUrl = ''
  const stripe = await startStripeStub({
    secretKey: settings.stripe.secretKey,
    webhookSecret: settings.stripe.webhookSecret,
    endpoint: () => `${functionUrl}/webhook/stripe`,
  })
  const razorpay = await startRazorpayStub({
    keyId: settings.razorpay.keyId,
    keySecret: settings.razorpay.keySecret,
    webhookSecret: settings.razorpay.webhookSecret,
    endpoint: () => `${functionUrl}/webhook/razorpay`,
  })
  let server: WorkspaceServer
  try {
    server = await startWorkspaceServer({
      edgeFunctions: {
        functions: { billing: FUNCTION },
        env: {
          BILLING_RETURN_URL: settings.returnUrl,
          STRIPE_API_URL: stripe.url,
          STRIPE_SECRET_KEY: settings.stripe.secretKey,
          STRIPE_WEBHOOK_SECRET: settings.stripe.webhookSecret,
          STRIPE_PRICE_PLUS: settings.stripe.prices.plus,
          STRIPE_PRICE_PRO: settings.stripe.prices.pro,
          RAZORPAY_API_URL: razorpay.url,
          RAZORPAY_KEY_ID: settings.razorpay.keyId,
          RAZORPAY_KEY_SECRET: settings.razorpay.keySecret,
          RAZORPAY_WEBHOOK_SECRET: settings.razorpay.webhookSecret,
          RAZORPAY_WEBHOOK_SECRET_PREVIOUS: settings.razorpay.previousWebhookSecret,
          RAZORPAY_PLAN_PLUS: settings.razorpay.plans.plus,
          RAZORPAY_PLAN_PRO: settings.razorpay.plans.pro,
        },
      },
      edgeFunctionStartMs: budget(60_000),
    })
  } catch (error) {
    await Promise.all([stripe.close(), razorpay.close()])
    throw error
  }
  functionUrl = `${server.url}/functions/v1/billing`
  return {
    server,
    stripe,
    razorpay,
    settings,
    functionUrl,
    completeCheckout: (url) =>
      url.startsWith(`${stripe.url}/`) ? stripe.completeCheckout(url) : razorpay.completeCheckout(url),
    deliverStripe: (event, options) => stripe.deliver(event, options),
    deliverRazorpay: (type, subscription, options) => razorpay.deliver(type, subscription, options),
    async stop() {
      await server.stop()
      await Promise.all([stripe.close(), razorpay.close()])
    },
  }
}
