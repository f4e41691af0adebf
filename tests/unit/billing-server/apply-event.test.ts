import { randomUUID } from 'node:crypto'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startWorkspaceServer,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { budget } from '../../helpers/patience'

/*
 * billing_apply_event, the one door through which a verified provider event changes an
 * organisation's plan, called as the billing Edge Function calls it (PostgREST rpc/ with the service
 * role key) against real Postgres: each event recorded once with its effect, copies and replays
 * changing nothing, older events never moving a subscription back, and a failed effect leaving no
 * record so the provider's retry is applied.
 */

const unavailable = workspaceServerUnavailable()

interface Event {
  p_provider: 'stripe' | 'razorpay'
  p_event_id: string
  p_type: string
  p_payment_id: string | null
  p_org: string | null
  p_subscription: string | null
  p_customer: string | null
  p_plan: string | null
  p_status: string | null
  p_period_start: string | null
  p_period_end: string | null
  p_occurred_at: string
}

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1) + seconds * 1000).toISOString()

describe.skipIf(unavailable)(`provider events applied once${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let service: SupabaseClient
  beforeAll(async () => {
    server = await startWorkspaceServer()
    service = createClient(server.url, server.supabase.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: WebSocket as never },
    })
  }, budget(120_000))
  afterAll(async () => {
    await server?.stop()
  })

  const workspace = async () => {
    const admin = await server.signUp(`admin-${randomUUID()}@example.test`)
    const orgId = await server.createOrganisation(admin, 'Events Co')
    return { admin, orgId }
  }
  const event = (orgId: string | null, overrides: Partial<Event> = {}): Event => ({
    p_provider: 'stripe',
    p_event_id: `evt_${randomUUID()}`,
    p_type: 'customer.subscription.updated',
    p_payment_id: null,
    p_org: orgId,
    // A provider's subscription belongs to one workspace.
    p_subscription: `sub_${orgId}`,
    p_customer: `cus_${orgId}`,
    p_plan: 'plus',
    p_status: 'active',
    p_period_start: new Date(Date.now() - 86_400_000).toISOString(),
    p_period_end: new Date(Date.now() + 29 * 86_400_000).toISOString(),
    p_occurred_at: at(100),
    ...overrides,
  })
  const apply = async (e: Event) => {
    const { data, error, status } = await service.rpc('billing_apply_event', { ...e })
    return { data: data as { applied: boolean; duplicate: boolean } | null, error, status }
  }
  const plan = async (admin: SignedInUser, orgId: string) => {
    const { data, error } = await admin.client.rpc('billing_entitlement', { p_org: orgId })
    expect(error).toBeNull()
    const e = data as { plan: string; status: string; provider: string | null; limits: { ai_interviews: number } }
    return { plan: e.plan, status: e.status, provider: e.provider, aiInterviews: e.limits.ai_interviews }
  }
  const recorded = async (orgId: string) =>
    (
      await server.owner.query<{ event_id: string; applied: boolean }>(
        'select event_id, applied from billing_events where org_id = $1 order by received_at, event_id',
        [orgId],
      )
    ).rows

  it('a subscription event moves the workspace to its plan, as its admin reads it', async () => {
    const { admin, orgId } = await workspace()
    expect(await plan(admin, orgId)).toEqual({ plan: 'free', status: 'none', provider: null, aiInterviews: 5 })
    const e = event(orgId)
    expect(await apply(e)).toMatchObject({ data: { applied: true, duplicate: false }, error: null })
    expect(await plan(admin, orgId)).toEqual({ plan: 'plus', status: 'active', provider: 'stripe', aiInterviews: 50 })
    expect(await recorded(orgId)).toEqual([{ event_id: e.p_event_id, applied: true }])
  })

  it('the same event delivered twice has one effect and one record', async () => {
    const { admin, orgId } = await workspace()
    const e = event(orgId, { p_plan: 'pro' })
    expect((await apply(e)).data).toEqual({ applied: true, duplicate: false })
    // The second copy says it changed nothing, even after the state moved on.
    expect((await apply(event(orgId, { p_plan: 'plus', p_occurred_at: at(200) }))).data?.applied).toBe(true)
    expect((await apply(e)).data).toEqual({ applied: false, duplicate: true })
    expect((await plan(admin, orgId)).plan).toBe('plus')
    expect((await recorded(orgId)).filter((r) => r.event_id === e.p_event_id)).toHaveLength(1)
  })

  it('ten copies at once: one applies, nine are duplicates', async () => {
    const { admin, orgId } = await workspace()
    const e = event(orgId, { p_plan: 'pro' })
    const answers = await Promise.all(Array.from({ length: 10 }, () => apply(e)))
    expect(answers.map((a) => a.error)).toEqual(Array(10).fill(null))
    expect(answers.filter((a) => a.data?.applied)).toHaveLength(1)
    expect(answers.filter((a) => a.data?.duplicate)).toHaveLength(9)
    expect((await plan(admin, orgId)).plan).toBe('pro')
    expect(await recorded(orgId)).toHaveLength(1)
  })

  it('customer.subscription.updated before created: the older created changes nothing', async () => {
    const { admin, orgId } = await workspace()
    const updated = event(orgId, { p_plan: 'pro', p_occurred_at: at(200) })
    const created = event(orgId, { p_type: 'customer.subscription.created', p_plan: 'plus', p_occurred_at: at(100) })
    expect((await apply(updated)).data?.applied).toBe(true)
    expect((await apply(created)).data).toEqual({ applied: false, duplicate: false })
    expect(await plan(admin, orgId)).toMatchObject({ plan: 'pro', status: 'active' })
    // Recorded all the same, so a redelivery of it is a duplicate.
    expect((await apply(created)).data).toEqual({ applied: false, duplicate: true })
  })

  it('cancel before renew: the renewal that happened earlier does not bring the plan back', async () => {
    const { admin, orgId } = await workspace()
    expect((await apply(event(orgId, { p_occurred_at: at(100) }))).data?.applied).toBe(true)
    const canceled = event(orgId, {
      p_type: 'customer.subscription.deleted',
      p_status: 'canceled',
      p_occurred_at: at(300),
    })
    const renewed = event(orgId, { p_occurred_at: at(200) })
    expect((await apply(canceled)).data?.applied).toBe(true)
    expect((await apply(renewed)).data?.applied).toBe(false)
    expect(await plan(admin, orgId)).toMatchObject({ plan: 'free', status: 'canceled', aiInterviews: 5 })
  })

  it('created and updated in the same second (Stripe counts whole seconds), updated first: the plan stays', async () => {
    const { admin, orgId } = await workspace()
    expect((await apply(event(orgId, { p_plan: 'pro', p_occurred_at: at(100) }))).data?.applied).toBe(true)
    const created = event(orgId, { p_type: 'customer.subscription.created', p_plan: 'plus', p_occurred_at: at(100) })
    expect((await apply(created)).data).toEqual({ applied: false, duplicate: false })
    expect((await plan(admin, orgId)).plan).toBe('pro')
    // In the same second an end still wins over a change.
    const deleted = event(orgId, {
      p_type: 'customer.subscription.deleted',
      p_status: 'canceled',
      p_occurred_at: at(100),
    })
    expect((await apply(deleted)).data?.applied).toBe(true)
    expect((await plan(admin, orgId)).plan).toBe('free')
  })

  it('the end of an older subscription does not take the workspace off the one now live', async () => {
    const { admin, orgId } = await workspace()
    const old = `sub_old_${orgId}`
    expect((await apply(event(orgId, { p_subscription: old, p_occurred_at: at(100) }))).data?.applied).toBe(true)
    // The admin subscribes again (here to Pro with the other provider) before the old one runs out.
    const renewed = event(orgId, {
      p_provider: 'razorpay',
      p_type: 'subscription.activated',
      p_subscription: `sub_new_${orgId}`,
      p_plan: 'pro',
      p_occurred_at: at(200),
    })
    expect((await apply(renewed)).data?.applied).toBe(true)
    const oldEnds = event(orgId, {
      p_type: 'customer.subscription.deleted',
      p_subscription: old,
      p_status: 'canceled',
      p_occurred_at: at(300),
    })
    expect((await apply(oldEnds)).data).toEqual({ applied: false, duplicate: false })
    expect(await plan(admin, orgId)).toMatchObject({ plan: 'pro', status: 'active', provider: 'razorpay' })
    // The live subscription's own end does count.
    const newEnds = event(orgId, {
      p_provider: 'razorpay',
      p_type: 'subscription.cancelled',
      p_subscription: `sub_new_${orgId}`,
      p_status: 'canceled',
      p_occurred_at: at(400),
    })
    expect((await apply(newEnds)).data?.applied).toBe(true)
    expect(await plan(admin, orgId)).toMatchObject({ plan: 'free', status: 'canceled' })
  })

  it('Razorpay subscription.charged replayed under a new event id with the same payment: one effect', async () => {
    const { admin, orgId } = await workspace()
    const charged = (eventId: string) =>
      event(orgId, {
        p_provider: 'razorpay',
        p_event_id: eventId,
        p_type: 'subscription.charged',
        p_payment_id: 'pay_29QQoUBi66xm2f',
        p_plan: 'plus',
      })
    expect((await apply(charged('evt_rzp_a'))).data).toEqual({ applied: true, duplicate: false })
    expect((await apply(charged('evt_rzp_b'))).data).toEqual({ applied: false, duplicate: true })
    expect(await recorded(orgId)).toEqual([{ event_id: 'evt_rzp_a', applied: true }])
    expect(await plan(admin, orgId)).toMatchObject({ plan: 'plus', provider: 'razorpay' })
  })

  it('an event naming only its subscription finds the workspace that subscription belongs to', async () => {
    const { admin, orgId } = await workspace()
    expect((await apply(event(orgId, { p_occurred_at: at(100) }))).data?.applied).toBe(true)
    const later = event(null, { p_subscription: `sub_${orgId}`, p_status: 'past_due', p_occurred_at: at(150) })
    expect((await apply(later)).data?.applied).toBe(true)
    expect(await plan(admin, orgId)).toMatchObject({ plan: 'plus', status: 'past_due' })
  })

  it('a failed effect records nothing, so the provider’s retry is applied', async () => {
    const { admin, orgId } = await workspace()
    // A plan the database does not know: the update fails after the event row was written.
    const broken = event(orgId, { p_plan: 'gold' })
    const failed = await apply(broken)
    expect(failed.error).not.toBeNull()
    expect(failed.status).toBeGreaterThanOrEqual(400)
    expect(await recorded(orgId)).toEqual([])
    expect((await plan(admin, orgId)).plan).toBe('free')
    // The same event id, delivered again once it can take effect, is not a duplicate.
    expect((await apply({ ...broken, p_plan: 'plus' })).data).toEqual({ applied: true, duplicate: false })
    expect((await plan(admin, orgId)).plan).toBe('plus')
  })

  it('a signed-in admin cannot apply an event to their own workspace', async () => {
    const { admin, orgId } = await workspace()
    const refused = await admin.client.rpc('billing_apply_event', { ...event(orgId, { p_plan: 'pro' }) })
    expect(refused.status).toBe(403)
    expect((await plan(admin, orgId)).plan).toBe('free')
    expect(await recorded(orgId)).toEqual([])
  })
})
