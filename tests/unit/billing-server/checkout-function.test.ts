import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { billingWorldUnavailable, startBillingWorld, type BillingWorld } from '../../harness/billing'
import type { SignedInUser } from '../../harness/supabase'
import { budget } from '../../helpers/patience'

/*
 * The billing Edge Function's checkout and portal routes under real Deno, against real Postgres
 * (through the stand-in) and the Stripe and Razorpay wire stubs its official SDKs call: only an
 * admin of the workspace gets a page to pay on, every field of the request is checked, and what
 * the provider is asked for carries the workspace and plan the webhook later needs.
 */

const unavailable = billingWorldUnavailable()

describe.skipIf(unavailable)(`billing function: checkout and portal${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let world: BillingWorld
  beforeAll(async () => {
    world = await startBillingWorld()
  }, budget(180_000))
  afterAll(async () => {
    await world?.stop()
  })

  const workspace = async () => {
    const admin = await world.server.signUp(`admin-${randomUUID()}@example.test`)
    const orgId = await world.server.createOrganisation(admin, 'Checkout Co')
    return { admin, orgId }
  }
  const post = (route: string, body: unknown, user?: SignedInUser | string) =>
    fetch(`${world.functionUrl}/${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        apikey: world.server.anonKey,
        ...(user ? { authorization: `Bearer ${typeof user === 'string' ? user : user.accessToken}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const entitlement = async (orgId: string) =>
    (
      await world.server.owner.query<{
        plan: string
        status: string
        provider: string | null
        customer: string | null
      }>('select plan, status, provider, provider_customer as customer from billing_entitlements where org_id = $1', [
        orgId,
      ])
    ).rows[0]!

  it('an admin gets a Stripe Checkout page for the plan, and paying it puts the workspace on that plan', async () => {
    const { admin, orgId } = await workspace()
    const response = await post('checkout', { org: orgId, plan: 'plus', provider: 'stripe' }, admin)
    expect(response.status).toBe(200)
    const { url } = (await response.json()) as { url: string }
    expect(url.startsWith(`${world.stripe.url}/c/pay/cs_`)).toBe(true)
    // The browser can open it.
    expect((await fetch(url)).status).toBe(200)

    const asked = world.stripe.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)!.body
    expect(asked).toMatchObject({
      mode: 'subscription',
      line_items: [{ price: world.settings.stripe.prices.plus, quantity: '1' }],
      client_reference_id: orgId,
      metadata: { org_id: orgId, plan: 'plus' },
      subscription_data: { metadata: { org_id: orgId, plan: 'plus' } },
      customer_email: admin.email,
      success_url: 'https://panelist.example/billing?checkout=done',
      cancel_url: 'https://panelist.example/billing?checkout=cancelled',
    })
    // Opening a checkout changes nothing: only the provider's signed webhook does.
    expect(await entitlement(orgId)).toMatchObject({ plan: 'free', status: 'none' })

    const { deliveries } = await world.completeCheckout(url)
    expect(deliveries.map((d) => d.status)).toEqual([200, 200])
    expect(await entitlement(orgId)).toMatchObject({ plan: 'plus', status: 'active', provider: 'stripe' })
  })

  it('an admin gets a Razorpay subscription page, and paying it puts the workspace on that plan', async () => {
    const { admin, orgId } = await workspace()
    const response = await post('checkout', { org: orgId, plan: 'pro', provider: 'razorpay' }, admin)
    expect(response.status).toBe(200)
    const { url } = (await response.json()) as { url: string }
    expect(url.startsWith(`${world.razorpay.url}/i/sub_`)).toBe(true)
    const asked = world.razorpay.requests.filter((r) => r.method === 'POST').at(-1)!.body
    expect(asked).toMatchObject({
      plan_id: world.settings.razorpay.plans.pro,
      total_count: 120,
      quantity: 1,
      notes: { org_id: orgId, plan: 'pro' },
    })
    expect(await entitlement(orgId)).toMatchObject({ plan: 'free' })
    const { deliveries } = await world.completeCheckout(url)
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200])
    expect(await entitlement(orgId)).toMatchObject({ plan: 'pro', status: 'active', provider: 'razorpay' })
  })

  it('only an admin of the workspace, signed in, gets a checkout', async () => {
    const { admin, orgId } = await workspace()
    const recruiter = await world.server.addMember(admin, orgId, `recruiter-${randomUUID()}@example.test`, 'recruiter')
    const stranger = await world.server.signUp(`stranger-${randomUUID()}@example.test`)
    await world.server.createOrganisation(stranger, 'Elsewhere')
    const asked = world.stripe.requests.length
    const input = { org: orgId, plan: 'plus', provider: 'stripe' }

    for (const user of [recruiter, stranger]) {
      const response = await post('checkout', input, user)
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({ error: 'Only an admin of this workspace can change its plan.' })
    }
    expect((await post('checkout', input)).status).toBe(401)
    expect((await post('checkout', input, 'not-a-token')).status).toBe(401)
    expect((await post('portal', { org: orgId }, recruiter)).status).toBe(403)
    // Nobody was sent to the provider.
    expect(world.stripe.requests.length).toBe(asked)
  })

  it('refuses bad input with 400 before asking anyone', async () => {
    const { admin, orgId } = await workspace()
    const asked = world.stripe.requests.length + world.razorpay.requests.length
    for (const body of [
      { org: orgId, plan: 'gold', provider: 'stripe' },
      { org: orgId, plan: 'plus', provider: 'paypal' },
      { org: 'not-a-uuid', plan: 'plus', provider: 'stripe' },
      { org: orgId, plan: 'plus' },
      { org: orgId, plan: 'plus', provider: 'stripe', price: 'price_free_forever' },
      [],
      '{"org":',
    ]) {
      const response = await post('checkout', body, admin)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(((await response.json()) as { error: string }).error).toMatch(/^(Bad request|The request body)/)
    }
    expect(world.stripe.requests.length + world.razorpay.requests.length).toBe(asked)
    const get = await fetch(`${world.functionUrl}/checkout`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    })
    expect(get.status).toBe(405)
    expect((await post('nowhere', {}, admin)).status).toBe(404)
  })

  it('portal: nothing to manage on Free; the Stripe customer portal, or the Razorpay subscription page', async () => {
    const stripeSide = await workspace()
    const none = await post('portal', { org: stripeSide.orgId }, stripeSide.admin)
    expect(none.status).toBe(409)
    expect(await none.json()).toEqual({ error: 'This workspace has no paid subscription to manage yet.' })

    const checkout = await post(
      'checkout',
      { org: stripeSide.orgId, plan: 'plus', provider: 'stripe' },
      stripeSide.admin,
    )
    await world.completeCheckout(((await checkout.json()) as { url: string }).url)
    const { customer } = await entitlement(stripeSide.orgId)
    const portal = await post('portal', { org: stripeSide.orgId }, stripeSide.admin)
    expect(portal.status).toBe(200)
    expect(((await portal.json()) as { url: string }).url).toMatch(new RegExp(`^${world.stripe.url}/p/session/bps_`))
    expect(world.stripe.requests.at(-1)).toMatchObject({
      path: '/v1/billing_portal/sessions',
      body: { customer, return_url: 'https://panelist.example/billing?portal=closed' },
    })

    // A returning Stripe customer checks out as the same customer.
    await post('checkout', { org: stripeSide.orgId, plan: 'pro', provider: 'stripe' }, stripeSide.admin)
    expect(world.stripe.requests.at(-1)!.body).toMatchObject({ customer })

    const razorpaySide = await workspace()
    const started = await post(
      'checkout',
      { org: razorpaySide.orgId, plan: 'plus', provider: 'razorpay' },
      razorpaySide.admin,
    )
    const { url } = (await started.json()) as { url: string }
    await world.completeCheckout(url)
    const manage = await post('portal', { org: razorpaySide.orgId }, razorpaySide.admin)
    expect(manage.status).toBe(200)
    expect(await manage.json()).toEqual({ url })

    // A subscription the provider no longer knows: its refusal is a 502 in words, not a page.
    await world.server.owner.query(
      `update billing_entitlements set provider_subscription = 'sub_gone' where org_id = $1`,
      [razorpaySide.orgId],
    )
    const gone = await post('portal', { org: razorpaySide.orgId }, razorpaySide.admin)
    expect(gone.status).toBe(502)
    expect(await gone.json()).toEqual({ error: 'Razorpay did not answer as expected. Try again shortly.' })
  })
})
