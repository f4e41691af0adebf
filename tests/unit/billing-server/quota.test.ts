import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startWorkspaceServer,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { budget } from '../../helpers/patience'

/*
 * The billing migration's RPCs through supabase-js against real Postgres: the entitlement a member
 * reads, quota reserved atomically and idempotently, released once, and the plan's seat limit on
 * invitations and acceptances.
 */

const unavailable = workspaceServerUnavailable()

interface Quota {
  ok: boolean
  reservation: string | null
  remaining: number
  limit: number
  reason: string | null
}

describe.skipIf(unavailable)(`plans, quotas and seats${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  beforeAll(async () => {
    server = await startWorkspaceServer()
  }, budget(120_000))
  afterAll(async () => {
    await server?.stop()
  })

  const newWorkspace = async (name: string) => {
    const admin = await server.signUp(`admin-${randomUUID()}@example.test`)
    const orgId = await server.createOrganisation(admin, name)
    return { admin, orgId }
  }
  const reserve = async (user: SignedInUser, org: string, kind: string, request = randomUUID(), amount = 1) => {
    const { data, error, status } = await user.client.rpc('reserve_quota', {
      p_org: org,
      p_kind: kind,
      p_request: request,
      p_amount: amount,
    })
    if (error) throw Object.assign(new Error(error.message), { status, code: error.code })
    return data as Quota
  }
  const entitlement = async (user: SignedInUser, org: string) => {
    const { data, error } = await user.client.rpc('billing_entitlement', { p_org: org })
    expect(error).toBeNull()
    return data as {
      plan: string
      status: string
      provider: string | null
      limits: Record<string, number>
      usage: Record<string, number>
      period_start: string
      period_end: string
      can_manage: boolean
    }
  }
  const subscribe = (org: string, plan: string) =>
    server.owner.query(
      `update billing_entitlements set plan = $2, status = 'active', provider = 'stripe' where org_id = $1`,
      [org, plan],
    )

  it('a new workspace is on Free with the seeded limits, its admin counted as a seat, this month as its period', async () => {
    const { admin, orgId } = await newWorkspace('Fresh Co')
    const e = await entitlement(admin, orgId)
    expect(e).toMatchObject({
      plan: 'free',
      status: 'none',
      provider: null,
      limits: { ai_interviews: 5, seats: 2, ai_screening: 50 },
      usage: { ai_interviews: 0, seats: 1, ai_screening: 0 },
      can_manage: true,
    })
    const now = new Date()
    expect(new Date(e.period_start).toISOString()).toBe(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
    )
    expect(new Date(e.period_end).toISOString()).toBe(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
    )
    const plans = await server.owner.query('select id, ai_interviews, seats, ai_screening from plans order by rank')
    expect(plans.rows).toEqual([
      { id: 'free', ai_interviews: 5, seats: 2, ai_screening: 50 },
      { id: 'plus', ai_interviews: 50, seats: 5, ai_screening: 1000 },
      { id: 'pro', ai_interviews: 500, seats: 25, ai_screening: 10000 },
    ])
  })

  it('a member reads the entitlement but cannot manage it; a stranger is refused with 403', async () => {
    const { admin, orgId } = await newWorkspace('Members Co')
    const viewer = await server.addMember(admin, orgId, `viewer-${randomUUID()}@example.test`, 'viewer')
    const e = await entitlement(viewer, orgId)
    expect(e.can_manage).toBe(false)
    expect(e.usage.seats).toBe(2)
    const stranger = await server.signUp(`stranger-${randomUUID()}@example.test`)
    const refused = await stranger.client.rpc('billing_entitlement', { p_org: orgId })
    expect(refused.status).toBe(403)
    // A viewer reads but does not spend.
    await expect(reserve(viewer, orgId, 'ai_interview')).rejects.toMatchObject({ status: 403 })
  })

  it('reserving counts once per request id, and the plan’s end is refused in words', async () => {
    const { admin, orgId } = await newWorkspace('Quota Co')
    const request = randomUUID()
    const first = await reserve(admin, orgId, 'ai_interview', request)
    expect(first).toMatchObject({ ok: true, remaining: 4, limit: 5, reason: null })
    const again = await reserve(admin, orgId, 'ai_interview', request)
    expect(again).toMatchObject({ ok: true, reservation: first.reservation, limit: 5 })
    expect((await entitlement(admin, orgId)).usage.ai_interviews).toBe(1)

    expect(await reserve(admin, orgId, 'ai_interview', randomUUID(), 4)).toMatchObject({ ok: true, remaining: 0 })
    const refused = await reserve(admin, orgId, 'ai_interview')
    const month = new Date().toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })
    expect(refused).toEqual({
      ok: false,
      reservation: null,
      remaining: 0,
      limit: 5,
      reason: `This workspace has used its 5 AI interviews for ${month} on the Free plan; an admin can upgrade in Billing.`,
    })
    expect((await entitlement(admin, orgId)).usage).toMatchObject({ ai_interviews: 5, ai_screening: 0 })

    // Bad input is 400, not a refusal of quota.
    await expect(reserve(admin, orgId, 'gpu_hours')).rejects.toMatchObject({ status: 400 })
    await expect(reserve(admin, orgId, 'ai_screening', randomUUID(), 0)).rejects.toMatchObject({ status: 400 })
  })

  it('two devices racing for the last unit: exactly one wins', async () => {
    const { admin, orgId } = await newWorkspace('Race Co')
    const recruiter = await server.addMember(admin, orgId, `racer-${randomUUID()}@example.test`, 'recruiter')
    expect(await reserve(admin, orgId, 'ai_interview', randomUUID(), 4)).toMatchObject({ ok: true })
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([
        reserve(admin, orgId, 'ai_interview'),
        reserve(recruiter, orgId, 'ai_interview'),
      ])
      expect(answers.filter((a) => a.ok)).toHaveLength(round === 0 ? 1 : 0)
      expect((await entitlement(admin, orgId)).usage.ai_interviews).toBe(5)
    }
  })

  it('ten copies of one request at once count once', async () => {
    const { admin, orgId } = await newWorkspace('Copies Co')
    const request = randomUUID()
    const answers = await Promise.all(Array.from({ length: 10 }, () => reserve(admin, orgId, 'ai_screening', request)))
    expect(new Set(answers.map((a) => a.reservation)).size).toBe(1)
    expect(answers.every((a) => a.ok)).toBe(true)
    expect((await entitlement(admin, orgId)).usage.ai_screening).toBe(1)
  })

  it('release gives the units back once; the released request is not granted again under its old id', async () => {
    const { admin, orgId } = await newWorkspace('Release Co')
    const request = randomUUID()
    const granted = await reserve(admin, orgId, 'ai_screening', request, 3)
    expect((await entitlement(admin, orgId)).usage.ai_screening).toBe(3)
    for (let i = 0; i < 2; i++) {
      const released = await admin.client.rpc('release_quota', { p_reservation: granted.reservation })
      expect(released.error).toBeNull()
      expect((await entitlement(admin, orgId)).usage.ai_screening).toBe(0)
    }
    const reused = await reserve(admin, orgId, 'ai_screening', request, 3)
    expect(reused).toMatchObject({ ok: false, reservation: granted.reservation })
    expect((await entitlement(admin, orgId)).usage.ai_screening).toBe(0)
    // Someone outside the workspace cannot release its reservations.
    const again = await reserve(admin, orgId, 'ai_screening', randomUUID(), 2)
    const stranger = await server.signUp(`stranger-${randomUUID()}@example.test`)
    expect((await stranger.client.rpc('release_quota', { p_reservation: again.reservation })).status).toBe(403)
    expect((await entitlement(admin, orgId)).usage.ai_screening).toBe(2)
  })

  it('a request refused at the limit is judged afresh after an upgrade', async () => {
    const { admin, orgId } = await newWorkspace('Upgrade Co')
    expect(await reserve(admin, orgId, 'ai_interview', randomUUID(), 5)).toMatchObject({ ok: true })
    const request = randomUUID()
    expect(await reserve(admin, orgId, 'ai_interview', request)).toMatchObject({ ok: false })
    await subscribe(orgId, 'plus')
    expect(await reserve(admin, orgId, 'ai_interview', request)).toMatchObject({ ok: true, remaining: 44, limit: 50 })
    expect(await entitlement(admin, orgId)).toMatchObject({ plan: 'plus', usage: { ai_interviews: 6 } })
    // A lapsed subscription counts as Free again.
    await server.owner.query(`update billing_entitlements set status = 'canceled' where org_id = $1`, [orgId])
    expect((await entitlement(admin, orgId)).plan).toBe('free')
  })

  it('the seat limit: a third seat on Free is refused at invitation in words; renewing an invitation takes none', async () => {
    const { admin, orgId } = await newWorkspace('Seats Co')
    const email = `second-${randomUUID()}@example.test`
    const first = await admin.client.rpc('invite_member', { p_org: orgId, p_email: email, p_role: 'recruiter' })
    expect(first.error).toBeNull()
    const renewed = await admin.client.rpc('invite_member', { p_org: orgId, p_email: email, p_role: 'viewer' })
    expect(renewed.error).toBeNull()
    const third = await admin.client.rpc('invite_member', {
      p_org: orgId,
      p_email: `third-${randomUUID()}@example.test`,
      p_role: 'recruiter',
    })
    expect(third.status).toBe(400)
    expect(third.error?.message).toBe(
      'This workspace uses 2 of its 2 seats on the Free plan (members and open invitations); an admin can upgrade in Billing or withdraw an invitation.',
    )
    await subscribe(orgId, 'plus')
    const allowed = await admin.client.rpc('invite_member', {
      p_org: orgId,
      p_email: `third-${randomUUID()}@example.test`,
      p_role: 'recruiter',
    })
    expect(allowed.error).toBeNull()
    expect((await entitlement(admin, orgId)).usage.seats).toBe(3)
  })

  it('accepting is refused when the plan shrank below the seats in use meanwhile, and allowed again after', async () => {
    const { admin, orgId } = await newWorkspace('Shrink Co')
    await subscribe(orgId, 'plus')
    const emails = [0, 1].map((i) => `member-${i}-${randomUUID()}@example.test`)
    const tokens: string[] = []
    for (const email of emails) {
      const invited = await admin.client.rpc('invite_member', { p_org: orgId, p_email: email, p_role: 'recruiter' })
      tokens.push((invited.data as { token: string }).token)
    }
    await server.owner.query(`update billing_entitlements set status = 'canceled' where org_id = $1`, [orgId])
    const invitee = await server.signUp(emails[0]!)
    const refused = await invitee.client.rpc('accept_invitation', { p_token: tokens[0] })
    expect(refused.status).toBe(400)
    expect(refused.error?.message).toMatch(/uses 3 of its 2 seats on the Free plan/)
    expect((await invitee.client.rpc('my_organisations')).data).toEqual([])
    await subscribe(orgId, 'plus')
    expect((await invitee.client.rpc('accept_invitation', { p_token: tokens[0] })).error).toBeNull()
  })

  it('two admins inviting at once for the last seat: one invitation is stored', async () => {
    const { admin, orgId } = await newWorkspace('Busy Seats Co')
    const answers = await Promise.all(
      [0, 1].map((i) =>
        admin.client.rpc('invite_member', {
          p_org: orgId,
          p_email: `race-${i}-${randomUUID()}@example.test`,
          p_role: 'viewer',
        }),
      ),
    )
    expect(answers.filter((a) => a.error === null)).toHaveLength(1)
    expect((await entitlement(admin, orgId)).usage.seats).toBe(2)
  })
})
