import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import type { SupabaseClient } from '@supabase/supabase-js'
import { BILLING_GRACE_MS } from '@shared/contract/billing'
import { createQuotaGate } from '@core/billing/gate'
import { readEntitlement } from '@core/billing/remote'
import { saveEntitlement } from '@core/billing/store'
import { silentLogger } from '@core/logger'
import type { Studio } from '@core/studio'
import { startWorkspaceServer, type WorkspaceServer } from '../../harness/supabase'
import { billingServerUnavailable } from './billing-server'
import { budget } from '../../helpers/patience'
import { createTempStudio } from '../../helpers/temp-studio'
import { offlineSwitch, signedInClient } from './offline-switch'

/*
 * The quota gate against the real billing RPCs (Postgres + the Supabase stand-in) and a real SQLite
 * studio database: counted once per piece of work however often it is asked, refused in the
 * server's words at the limit, given back on release, and offline the last plan read decides for
 * the grace period, then AI work stops with the reason.
 */

const unavailable = billingServerUnavailable()

describe.skipIf(unavailable)(`the quota gate${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let studio: Studio
  const opened: Studio[] = []

  beforeAll(async () => {
    server = await startWorkspaceServer()
    studio = (await createTempStudio()).studio
    opened.push(studio)
  }, budget(120_000))
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()))
    await server?.stop()
  })

  /** A fresh workspace (Free plan) with its admin signed in through a network the test can unplug. */
  async function workspace(name: string) {
    const admin = await server.signUp(
      `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.test`,
    )
    const orgId = await server.createOrganisation(admin, name)
    const net = offlineSwitch()
    const client = await signedInClient(server.url, server.anonKey, admin.email, net.fetch)
    let now = Date.now()
    const clock = { now: () => now }
    const refusals: number[] = []
    const gate = createQuotaGate({
      db: studio.db,
      clock,
      logger: silentLogger,
      workspace: async () => ({ client, orgId }),
      changed: () => refusals.push(now),
    })
    const usage = async () => (await readEntitlement(admin.client, orgId)).usage
    return {
      admin,
      orgId,
      client,
      net,
      gate,
      usage,
      refusals,
      advance: (ms: number) => (now += ms),
      now: () => now,
    }
  }

  /** Uses up all but `left` units of a kind with one reservation, as other devices' work would. */
  async function useUp(client: SupabaseClient, orgId: string, kind: 'ai_interview' | 'ai_screening', left: number) {
    const e = await readEntitlement(client, orgId)
    const limit = kind === 'ai_interview' ? e.limits.aiInterviews : e.limits.aiScreening
    const used = kind === 'ai_interview' ? e.usage.aiInterviews : e.usage.aiScreening
    const amount = limit - used - left
    if (amount <= 0) return
    const { data, error } = await client.rpc('reserve_quota', {
      p_org: orgId,
      p_kind: kind,
      p_request: randomUUID(),
      p_amount: amount,
    })
    if (error || !(data as { ok: boolean }).ok) throw new Error(`could not use up ${kind}: ${error?.message}`)
  }

  it('counts a piece of work once however often it is asked (a retried job), and each new piece again', async () => {
    const w = await workspace('Retries')
    expect((await w.usage()).aiScreening).toBe(0)
    expect(await w.gate.admit('job-1', 'ai_screening')).toEqual({ ok: true })
    expect(await w.gate.admit('job-1', 'ai_screening')).toEqual({ ok: true })
    expect((await w.usage()).aiScreening).toBe(1)

    // A crash after the server counted it but before the answer was stored: the row still says
    // 'requesting' with its request id, and asking again with that id counts nothing more.
    await studio.db
      .updateTable('billing_reservations')
      .set({ state: 'requesting', reservation_id: null })
      .where('work_key', '=', 'job-1')
      .execute()
    expect(await w.gate.admit('job-1', 'ai_screening')).toEqual({ ok: true })
    expect((await w.usage()).aiScreening).toBe(1)

    expect(await w.gate.admit('job-2', 'ai_screening')).toEqual({ ok: true })
    expect((await w.usage()).aiScreening).toBe(2)
    expect((await w.usage()).aiInterviews).toBe(0)
  })

  it('gives the unit back when the work does not start, and the next attempt is counted afresh', async () => {
    const w = await workspace('Release')
    await w.gate.admit('release-1', 'ai_interview')
    expect((await w.usage()).aiInterviews).toBe(1)
    await w.gate.release('release-1')
    expect((await w.usage()).aiInterviews).toBe(0)
    await w.gate.release('release-1')
    expect((await w.usage()).aiInterviews).toBe(0)
    expect(await w.gate.admit('release-1', 'ai_interview')).toEqual({ ok: true })
    expect((await w.usage()).aiInterviews).toBe(1)
  })

  it('refuses at the limit in words that say what ran out and who can upgrade; nothing more is counted', async () => {
    const w = await workspace('Limit')
    await useUp(w.client, w.orgId, 'ai_interview', 1)
    expect(await w.gate.admit('last', 'ai_interview')).toEqual({ ok: true })
    const refused = await w.gate.admit('one-too-many', 'ai_interview')
    expect(refused.ok).toBe(false)
    const message = refused.ok ? '' : refused.message
    expect(message).toMatch(/AI interviews/)
    expect(message).toMatch(/admin/i)
    expect(message).toMatch(/Billing/)
    const usage = await w.usage()
    expect(usage.aiInterviews).toBe((await readEntitlement(w.client, w.orgId)).limits.aiInterviews)
    expect(w.refusals.length).toBe(1)
    const row = await studio.db
      .selectFrom('billing_reservations')
      .selectAll()
      .where('work_key', '=', 'one-too-many')
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ state: 'refused', message })
  })

  it('two devices racing for the last AI interview: exactly one starts, the other is told why', async () => {
    const w = await workspace('Race')
    await useUp(w.client, w.orgId, 'ai_interview', 1)
    const other = (await createTempStudio()).studio
    opened.push(other)
    const secondGate = createQuotaGate({
      db: other.db,
      clock: { now: () => Date.now() },
      logger: silentLogger,
      workspace: async () => ({ client: w.client, orgId: w.orgId }),
      changed: () => undefined,
    })
    const answers = await Promise.all([
      w.gate.admit('kiosk-a', 'ai_interview'),
      secondGate.admit('kiosk-b', 'ai_interview'),
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    const refused = answers.find((a) => !a.ok)
    expect(refused && !refused.ok && refused.message).toMatch(/AI interviews/)
    const e = await readEntitlement(w.client, w.orgId)
    expect(e.usage.aiInterviews).toBe(e.limits.aiInterviews)
  })

  it('offline: runs within the grace period on the last plan read, counts it on return, then stops AI work in words', async () => {
    const w = await workspace('Offline')
    await saveEntitlement(studio.db, w.orgId, await readEntitlement(w.client, w.orgId), w.now())

    w.net.state.offline = true
    w.advance(BILLING_GRACE_MS - 60_000)
    expect(await w.gate.admit('offline-1', 'ai_screening')).toEqual({ ok: true })
    const row = await studio.db
      .selectFrom('billing_reservations')
      .select(['state', 'request_id'])
      .where('work_key', '=', 'offline-1')
      .executeTakeFirstOrThrow()
    expect(row.state).toBe('offline')

    w.advance(120_000)
    const stopped = await w.gate.admit('offline-2', 'ai_screening')
    expect(stopped.ok).toBe(false)
    if (!stopped.ok) {
      expect(stopped.message).toMatch(/AI work is stopped/)
      expect(stopped.message).toMatch(/more than 7 days/)
      expect(stopped.message).toMatch(/Offline screening and scripted interviews still work/)
    }

    // Back online: the stopped work asks with the request id it was stored with, and is counted once.
    w.net.state.offline = false
    expect(await w.gate.admit('offline-2', 'ai_screening')).toEqual({ ok: true })
    expect((await w.usage()).aiScreening).toBe(1)
  })

  it('offline with no plan ever read on this computer: AI work is stopped, in words', async () => {
    const w = await workspace('Never read')
    w.net.state.offline = true
    const refused = await w.gate.admit('first', 'ai_interview')
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/has not read its plan yet/) as string })
  })

  it('a studio outside a team workspace is not metered', async () => {
    const gate = createQuotaGate({
      db: studio.db,
      clock: { now: () => Date.now() },
      logger: silentLogger,
      workspace: async () => null,
      changed: () => undefined,
    })
    expect(await gate.admit('local-work', 'ai_interview')).toEqual({ ok: true })
    const row = await studio.db
      .selectFrom('billing_reservations')
      .select('state')
      .where('work_key', '=', 'local-work')
      .executeTakeFirst()
    expect(row).toBeUndefined()
  })
})
