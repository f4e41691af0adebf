import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BillingView } from '@shared/contract/billing'
import type { WorkspaceInvitation, WorkspaceView } from '@shared/contract/sync'
import type { Studio } from '@core/studio'
import { billingWorldUnavailable, startBillingWorld, type BillingWorld } from '../../harness/billing'
import { budget } from '../../helpers/patience'
import { createTempStudio } from '../../helpers/temp-studio'
import { call } from '../sync/studios'

/*
 * Checkout and the billing portal from the studio's requests, through supabase-js to the real
 * `billing` Edge Function under Deno with the Razorpay wire stub: the admin gets the provider's
 * page, pays, and the plan read after it is Pro through Razorpay; a recruiter is refused in words.
 */

const unavailable = billingWorldUnavailable()
const PASSWORD = 'correct horse battery staple'

describe.skipIf(unavailable)(`checkout from the studio${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let world: BillingWorld
  const opened: Studio[] = []

  beforeAll(async () => {
    world = await startBillingWorld()
  }, budget(180_000))
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()))
    await world?.stop()
  })

  async function signedUp(email: string) {
    const { studio } = await createTempStudio({
      sync: { project: { url: world.server.url, anonKey: world.server.anonKey }, intervalMs: 3_600_000 },
    })
    opened.push(studio)
    await call(studio, 'sync.signUp', { email, password: PASSWORD })
    return studio
  }

  it('an admin pays through Razorpay and the plan read afterwards is Pro; a recruiter may not check out', async () => {
    const admin = await signedUp('checkout-admin@example.test')
    const workspace = await call<WorkspaceView>(admin, 'sync.createWorkspace', { name: 'Checkout' })
    await call(admin, 'sync.adopt', { workspaceId: workspace.id })
    await admin.queue.idle()

    const { url } = await call<{ url: string }>(admin, 'billing.checkout', { plan: 'pro', provider: 'razorpay' })
    expect(url.startsWith(`${world.razorpay.url}/`)).toBe(true)
    const paid = await world.completeCheckout(url)
    expect(paid.deliveries.every((d) => d.status >= 200 && d.status < 300)).toBe(true)

    const view = await call<BillingView>(admin, 'billing.view', { refresh: true })
    expect(view).toMatchObject({
      state: 'known',
      entitlement: { plan: 'pro', provider: 'razorpay', limits: { aiInterviews: 500, seats: 25, aiScreening: 10000 } },
    })
    const portal = await call<{ url: string }>(admin, 'billing.portal', {})
    expect(portal.url).toMatch(/^https?:\/\//)

    const invitation = await call<WorkspaceInvitation>(admin, 'sync.invite', {
      workspaceId: workspace.id,
      email: 'checkout-recruiter@example.test',
      role: 'recruiter',
    })
    const recruiter = await signedUp('checkout-recruiter@example.test')
    await call(recruiter, 'sync.acceptInvitation', { token: invitation.token })
    await call(recruiter, 'sync.adopt', { workspaceId: workspace.id })
    await recruiter.queue.idle()
    const refused = await recruiter.dispatch(
      'billing.checkout',
      { plan: 'pro', provider: 'stripe' },
      { audience: 'recruiter' },
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/Only an admin/)
    const seen = await call<BillingView>(recruiter, 'billing.view', { refresh: true })
    expect(seen).toMatchObject({ state: 'known', entitlement: { plan: 'pro', canManage: false } })
  })

  it('a studio outside a workspace is told to sign in rather than sent to a checkout', async () => {
    const { studio } = await createTempStudio()
    opened.push(studio)
    const refused = await studio.dispatch(
      'billing.checkout',
      { plan: 'plus', provider: 'stripe' },
      { audience: 'recruiter' },
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/team workspace/)
  })
})
