import { describe, expect, it } from 'vitest'
import { planOf, readConfig } from '../../../supabase/functions/billing/config'

/*
 * The billing function reads its secrets once at start and refuses to start without them: a
 * function without its webhook secrets would have nothing to verify deliveries against.
 */

const COMPLETE: Record<string, string> = {
  SUPABASE_URL: 'http://127.0.0.1:54321',
  SUPABASE_ANON_KEY: 'anon',
  SUPABASE_SERVICE_ROLE_KEY: 'service',
  BILLING_RETURN_URL: 'https://panelist.example/billing',
  STRIPE_SECRET_KEY: 'sk_test_1',
  STRIPE_WEBHOOK_SECRET: 'whsec_1',
  STRIPE_PRICE_PLUS: 'price_plus',
  STRIPE_PRICE_PRO: 'price_pro',
  RAZORPAY_KEY_ID: 'rzp_test_1',
  RAZORPAY_KEY_SECRET: 'secret',
  RAZORPAY_WEBHOOK_SECRET: 'hook',
  RAZORPAY_PLAN_PLUS: 'plan_plus',
  RAZORPAY_PLAN_PRO: 'plan_pro',
}

describe('billing function configuration', () => {
  it('reads a complete environment; the API URLs are optional (the providers’ own hosts)', () => {
    const config = readConfig((name) => COMPLETE[name])
    expect(config.stripe.apiUrl).toBeNull()
    expect(config.razorpay.apiUrl).toBeNull()
    expect(config.stripe.prices).toEqual({ plus: 'price_plus', pro: 'price_pro' })
    expect(config.razorpay.webhookSecrets).toEqual(['hook'])
    const rotating = readConfig((name) => ({ ...COMPLETE, RAZORPAY_WEBHOOK_SECRET_PREVIOUS: 'old-hook' })[name])
    expect(rotating.razorpay.webhookSecrets).toEqual(['hook', 'old-hook'])
    const stubbed = readConfig(
      (name) =>
        ({ ...COMPLETE, STRIPE_API_URL: 'http://127.0.0.1:1234', RAZORPAY_API_URL: 'http://127.0.0.1:99/' })[name],
    )
    expect(stubbed.stripe.apiUrl?.port).toBe('1234')
    expect(stubbed.razorpay.apiUrl).toBe('http://127.0.0.1:99')
  })

  it('refuses to start without either webhook secret, naming every missing setting', () => {
    const without =
      (...names: string[]) =>
      (name: string) =>
        names.includes(name) ? undefined : COMPLETE[name]
    expect(() => readConfig(without('STRIPE_WEBHOOK_SECRET', 'RAZORPAY_WEBHOOK_SECRET'))).toThrow(
      'billing: set STRIPE_WEBHOOK_SECRET, RAZORPAY_WEBHOOK_SECRET',
    )
    // Blank is missing too.
    expect(() => readConfig((name) => (name === 'STRIPE_WEBHOOK_SECRET' ? '  ' : COMPLETE[name]))).toThrow(
      'STRIPE_WEBHOOK_SECRET',
    )
    expect(() => readConfig((name) => (name === 'STRIPE_API_URL' ? 'file:///etc' : COMPLETE[name]))).toThrow(
      'STRIPE_API_URL (an http(s) URL)',
    )
  })

  it('knows only the plans it sells', () => {
    const ids = { plus: 'price_plus', pro: 'price_pro' }
    expect([
      planOf(ids, 'price_plus'),
      planOf(ids, 'price_pro'),
      planOf(ids, 'price_other'),
      planOf(ids, null),
    ]).toEqual(['plus', 'pro', null, null])
  })
})
