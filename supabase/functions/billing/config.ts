// What the billing function needs from its environment, read once at start. A missing secret stops
// the function from starting rather than letting it accept unsigned webhooks or build broken checkouts.

export type Plan = 'plus' | 'pro'
export type Provider = 'stripe' | 'razorpay'

export interface BillingConfig {
  supabaseUrl: string
  anonKey: string
  serviceKey: string
  /** Where the provider sends the admin back after paying or giving up. */
  returnUrl: string
  stripe: {
    secretKey: string
    webhookSecret: string
    /** An http(s) URL of a Stripe-compatible API (the wire stub in tests), or null for api.stripe.com. */
    apiUrl: URL | null
    prices: Record<Plan, string>
  }
  razorpay: {
    keyId: string
    keySecret: string
    /**
     * The webhook secret, then the one it replaced while a rotation is under way: Razorpay's
     * retries of older deliveries are still signed with the old one.
     */
    webhookSecrets: string[]
    apiUrl: string | null
    plans: Record<Plan, string>
  }
}

export function readConfig(get: (name: string) => string | undefined): BillingConfig {
  const missing: string[] = []
  const required = (name: string): string => {
    const value = get(name)?.trim()
    if (!value) missing.push(name)
    return value ?? ''
  }
  const optionalUrl = (name: string): URL | null => {
    const value = get(name)?.trim()
    if (!value) return null
    const url = URL.canParse(value) ? new URL(value) : null
    if (!url || !['http:', 'https:'].includes(url.protocol)) missing.push(`${name} (an http(s) URL)`)
    return url
  }
  const config: BillingConfig = {
    supabaseUrl: required('SUPABASE_URL'),
    anonKey: required('SUPABASE_ANON_KEY'),
    serviceKey: required('SUPABASE_SERVICE_ROLE_KEY'),
    returnUrl: required('BILLING_RETURN_URL'),
    stripe: {
      secretKey: required('STRIPE_SECRET_KEY'),
      webhookSecret: required('STRIPE_WEBHOOK_SECRET'),
      apiUrl: optionalUrl('STRIPE_API_URL'),
      prices: { plus: required('STRIPE_PRICE_PLUS'), pro: required('STRIPE_PRICE_PRO') },
    },
    razorpay: {
      keyId: required('RAZORPAY_KEY_ID'),
      keySecret: required('RAZORPAY_KEY_SECRET'),
      webhookSecrets: [
        required('RAZORPAY_WEBHOOK_SECRET'),
        get('RAZORPAY_WEBHOOK_SECRET_PREVIOUS')?.trim() ?? '',
      ].filter(Boolean),
      apiUrl: optionalUrl('RAZORPAY_API_URL')?.origin ?? null,
      plans: { plus: required('RAZORPAY_PLAN_PLUS'), pro: required('RAZORPAY_PLAN_PRO') },
    },
  }
  if (!URL.canParse(config.returnUrl)) missing.push('BILLING_RETURN_URL (a URL)')
  if (missing.length) throw new Error(`billing: set ${missing.join(', ')}`)
  return config
}

/** Which of our plans a provider's price or plan id sells, or null for one we do not sell. */
export function planOf(ids: Record<Plan, string>, id: string | null | undefined): Plan | null {
  if (!id) return null
  return id === ids.plus ? 'plus' : id === ids.pro ? 'pro' : null
}
