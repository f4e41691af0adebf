import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startWorkspaceServer,
  userClaims,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { createTokenSigner } from '../../harness/supabase/tokens'
import { change, hlcAt } from './changes'

const unavailable = workspaceServerUnavailable()

/** What a direct statement did: how many rows it saw or touched, or the SQLSTATE it failed with. */
type Outcome = { rows: number } | { error: string }

/** Each table of the API schema, with statements aimed at one organisation's rows ($1 is its id). */
const TABLES: Record<string, { select: string; insert: string; update: string; delete: string }> = {
  organisations: {
    select: 'select * from public.organisations where id = $1',
    insert: `insert into public.organisations (id, name) values (gen_random_uuid(), 'Hijack ' || $1)`,
    update: `update public.organisations set name = 'Hijacked' where id = $1`,
    delete: 'delete from public.organisations where id = $1',
  },
  organisation_members: {
    select: 'select * from public.organisation_members where org_id = $1',
    insert: `insert into public.organisation_members (org_id, user_id, role)
             values ($1, (select auth.uid()), 'admin')`,
    update: `update public.organisation_members set role = 'admin' where org_id = $1`,
    delete: 'delete from public.organisation_members where org_id = $1',
  },
  organisation_invitations: {
    select: 'select * from public.organisation_invitations where org_id = $1',
    insert: `insert into public.organisation_invitations (org_id, email, role, token_hash, expires_at)
             values ($1, 'me@example.test', 'admin', '\\x00', now() + interval '1 day')`,
    update: `update public.organisation_invitations set email = 'me@example.test' where org_id = $1`,
    delete: 'delete from public.organisation_invitations where org_id = $1',
  },
  sync_changes: {
    select: 'select * from public.sync_changes where org_id = $1',
    insert: `insert into public.sync_changes (org_id, change_id, table_name, row_id, op, fields, hlc)
             values ($1, 'forged', 'candidates', 'r1', 'insert', '{}', '000000000001000-0000-x')`,
    update: `update public.sync_changes set fields = '{"name": "forged"}' where org_id = $1`,
    delete: 'delete from public.sync_changes where org_id = $1',
  },
  shared_links: {
    select: 'select * from public.shared_links where org_id = $1',
    insert: `insert into public.shared_links (org_id, candidate_id, token_hash, fields, expires_at)
             values ($1, 'forged', '\\x01', '{}', now() + interval '1 day')`,
    update: `update public.shared_links set revoked_at = null, expires_at = now() + interval '30 days' where org_id = $1`,
    delete: 'delete from public.shared_links where org_id = $1',
  },
  shared_link_views: {
    select: 'select * from public.shared_link_views where org_id = $1',
    insert: `insert into public.shared_link_views (org_id, outcome) values ($1, 'shown')`,
    update: `update public.shared_link_views set outcome = 'shown' where org_id = $1`,
    delete: 'delete from public.shared_link_views where org_id = $1',
  },
  sync_rows: {
    select: 'select * from public.sync_rows where org_id = $1',
    insert: `insert into public.sync_rows (org_id, table_name, row_id, data, field_hlc)
             values ($1, 'candidates', 'forged', '{}', '{}')`,
    update: `update public.sync_rows set data = '{"name": "forged"}' where org_id = $1`,
    delete: 'delete from public.sync_rows where org_id = $1',
  },
  billing_entitlements: {
    select: 'select * from public.billing_entitlements where org_id = $1',
    insert: `insert into public.billing_entitlements (org_id, plan, status) values ($1, 'pro', 'active')`,
    update: `update public.billing_entitlements set plan = 'pro', status = 'active' where org_id = $1`,
    delete: 'delete from public.billing_entitlements where org_id = $1',
  },
  quota_reservations: {
    select: 'select * from public.quota_reservations where org_id = $1',
    insert: `insert into public.quota_reservations (org_id, kind, request_id, amount, period_start)
             values ($1, 'ai_interview', gen_random_uuid(), 1, now())`,
    update: `update public.quota_reservations set released_at = now() where org_id = $1`,
    delete: 'delete from public.quota_reservations where org_id = $1',
  },
}

/** Tables every signed-in user reads (no organisation's data) and no API role writes. */
const REFERENCE_TABLES: Record<string, { select: string; insert: string; update: string; delete: string }> = {
  plans: {
    select: 'select * from public.plans where $1::uuid is not null',
    insert: `insert into public.plans (id, name, rank, ai_interviews, seats, ai_screening)
             select 'pro', 'Forged ' || $1, 99, 1, 1, 1`,
    update: `update public.plans set ai_interviews = 1000000 where $1::uuid is not null`,
    delete: 'delete from public.plans where $1::uuid is not null',
  },
}

/** Tables only the service role's functions touch: no API role reads or writes them, not even an admin. */
const SERVICE_TABLES: Record<string, { select: string; insert: string; update: string; delete: string }> = {
  billing_events: {
    select: 'select * from public.billing_events where org_id = $1',
    insert: `insert into public.billing_events (provider, event_id, type, org_id, applied)
             values ('stripe', 'evt_forged', 'customer.subscription.updated', $1, true)`,
    update: `update public.billing_events set applied = false where org_id = $1`,
    delete: 'delete from public.billing_events where org_id = $1',
  },
}

const refused = (outcome: Outcome) => ('error' in outcome ? outcome.error === '42501' : outcome.rows === 0)

describe.skipIf(unavailable)(
  `row-level security of the workspace tables${unavailable ? ` [${unavailable}]` : ''}`,
  () => {
    let server: WorkspaceServer
    let adminA: SignedInUser
    let recruiterA: SignedInUser
    let viewerA: SignedInUser
    let adminB: SignedInUser
    let orgA: string
    let orgB: string
    const rowA = crypto.randomUUID()

    const run = async (role: 'anon' | 'authenticated', claims: Record<string, unknown>, sql: string, org: string) =>
      server.asRole(role, claims, async (db: pg.PoolClient): Promise<Outcome> => {
        try {
          const result = await db.query(sql, [org])
          return { rows: result.rowCount ?? 0 }
        } catch (error) {
          return { error: (error as { code?: string }).code ?? String(error) }
        }
      })
    const as = (user: SignedInUser) => userClaims(user.id, user.email)

    const join = (admin: SignedInUser, org: string, email: string, role: 'recruiter' | 'viewer') =>
      server.addMember(admin, org, email, role)

    beforeAll(async () => {
      server = await startWorkspaceServer()
      adminA = await server.signUp('admin-a@example.test')
      adminB = await server.signUp('admin-b@example.test')
      orgA = (await adminA.client.rpc('create_organisation', { p_name: 'Org A' })).data as string
      orgB = (await adminB.client.rpc('create_organisation', { p_name: 'Org B' })).data as string
      // Both on Pro (as a provider's webhook would leave them): the battery needs more seats than Free's two.
      await server.owner.query(
        `update public.billing_entitlements set plan = 'pro', status = 'active' where org_id in ($1, $2)`,
        [orgA, orgB],
      )
      recruiterA = await join(adminA, orgA, 'recruiter-a@example.test', 'recruiter')
      viewerA = await join(adminA, orgA, 'viewer-a@example.test', 'viewer')
      // Every table holds something of each organisation: a pending invitation and synced rows.
      for (const [admin, org] of [
        [adminA, orgA],
        [adminB, orgB],
      ] as const) {
        await admin.client.rpc('invite_member', {
          p_org: org,
          p_email: `pending-${org}@example.test`,
          p_role: 'viewer',
        })
        const pushed = await admin.client.rpc('sync_push', {
          p_org: org,
          p_changes: [
            change('candidates', org === orgA ? rowA : crypto.randomUUID(), 'insert', { name: `of ${org}` }, hlcAt(1)),
          ],
        })
        expect(pushed.error).toBeNull()
        // A shared link and one view of it, written as the table owner (the app goes through functions).
        const link = await server.owner.query<{ id: string }>(
          `insert into public.shared_links (org_id, candidate_id, token_hash, fields, expires_at)
           values ($1, 'c1', sha256(gen_random_uuid()::text::bytea), '{}', now() + interval '1 day') returning id`,
          [org],
        )
        await server.owner.query(
          `insert into public.shared_link_views (link_id, org_id, outcome) values ($1, $2, 'shown')`,
          [link.rows[0]!.id, org],
        )
        // A quota reservation through the RPC, and a provider event as the billing function records it.
        const reserved = await admin.client.rpc('reserve_quota', {
          p_org: org,
          p_kind: 'ai_screening',
          p_request: crypto.randomUUID(),
        })
        expect(reserved.error).toBeNull()
        await server.owner.query(
          `insert into public.billing_events (provider, event_id, type, org_id, applied)
           values ('stripe', 'evt_' || $1, 'customer.subscription.updated', $1::uuid, true)`,
          [org],
        )
      }
    })
    afterAll(async () => {
      await server?.stop()
    })

    describe.each(Object.keys(TABLES))('%s', (table) => {
      const statements = TABLES[table]!

      it('its own admin sees their organisation’s rows (so the refusals below are real)', async () => {
        const own = await run('authenticated', as(adminA), statements.select, orgA)
        expect(own).toEqual({ rows: expect.any(Number) })
        expect((own as { rows: number }).rows).toBeGreaterThan(0)
      })

      it('a user of another organisation reads none of its rows and can insert, update or delete none', async () => {
        expect(await run('authenticated', as(adminB), statements.select, orgA)).toEqual({ rows: 0 })
        for (const op of ['insert', 'update', 'delete'] as const) {
          const outcome = await run('authenticated', as(adminB), statements[op], orgA)
          expect(refused(outcome), `${op}: ${JSON.stringify(outcome)}`).toBe(true)
        }
      })

      it('the signed-out (anon) read nothing and write nothing', async () => {
        for (const op of ['select', 'insert', 'update', 'delete'] as const) {
          const outcome = await run('anon', { role: 'anon' }, statements[op], orgA)
          expect(refused(outcome), `${op}: ${JSON.stringify(outcome)}`).toBe(true)
        }
      })
    })

    describe.each(Object.keys(REFERENCE_TABLES))('%s (read by every signed-in user)', (table) => {
      const statements = REFERENCE_TABLES[table]!

      it('any signed-in user reads it; nobody signed in or out writes it; the signed-out read nothing', async () => {
        for (const user of [adminA, adminB, viewerA]) {
          const read = await run('authenticated', as(user), statements.select, orgA)
          expect((read as { rows: number }).rows, user.email).toBeGreaterThan(0)
          for (const op of ['insert', 'update', 'delete'] as const) {
            expect(await run('authenticated', as(user), statements[op], orgA), `${op} as ${user.email}`).toEqual({
              error: '42501',
            })
          }
        }
        for (const op of ['select', 'insert', 'update', 'delete'] as const) {
          const outcome = await run('anon', { role: 'anon' }, statements[op], orgA)
          expect(refused(outcome), `${op}: ${JSON.stringify(outcome)}`).toBe(true)
        }
      })
    })

    describe.each(Object.keys(SERVICE_TABLES))('%s (service role only)', (table) => {
      const statements = SERVICE_TABLES[table]!

      it('it holds the organisation’s rows, yet no API role reads or writes them, not even its admin', async () => {
        const stored = await server.owner.query(statements.select, [orgA])
        expect(stored.rowCount).toBeGreaterThan(0)
        for (const op of ['select', 'insert', 'update', 'delete'] as const) {
          for (const user of [adminA, adminB]) {
            const outcome = await run('authenticated', as(user), statements[op], orgA)
            expect(refused(outcome), `${op} as ${user.email}: ${JSON.stringify(outcome)}`).toBe(true)
          }
          const outcome = await run('anon', { role: 'anon' }, statements[op], orgA)
          expect(refused(outcome), `${op} as anon: ${JSON.stringify(outcome)}`).toBe(true)
        }
      })
    })

    it('members write the synced and membership tables only through the functions', async () => {
      for (const table of [
        'organisation_members',
        'organisation_invitations',
        'shared_links',
        'shared_link_views',
        'sync_changes',
        'sync_rows',
        'billing_entitlements',
        'quota_reservations',
      ]) {
        for (const op of ['insert', 'update', 'delete'] as const) {
          const outcome = await run('authenticated', as(adminA), TABLES[table]![op], orgA)
          expect(outcome, `${table} ${op}`).toEqual({ error: '42501' })
        }
      }
      // The one direct write there is: an admin renames their organisation; a recruiter cannot.
      expect(await run('authenticated', as(adminA), TABLES.organisations!.update, orgA)).toEqual({ rows: 1 })
      expect(await run('authenticated', as(recruiterA), TABLES.organisations!.update, orgA)).toEqual({ rows: 0 })
      expect(await run('authenticated', as(adminA), TABLES.organisations!.delete, orgA)).toEqual({ error: '42501' })
    })

    it('every table has row-level security, and the battery covers every table of the API schema', async () => {
      const { rows } = await server.owner.query<{ name: string; rls: boolean }>(
        `select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'private') and c.relkind in ('r', 'p', 'v', 'm')
       order by 1`,
      )
      expect(rows.filter((r) => !r.rls)).toEqual([])
      expect(rows.filter((r) => r.name.startsWith('public.')).map((r) => r.name.slice('public.'.length))).toEqual(
        [...Object.keys(TABLES), ...Object.keys(REFERENCE_TABLES), ...Object.keys(SERVICE_TABLES)].sort(),
      )
      // The migrations ran as `postgres` without superuser rights, as `supabase db push` runs them.
      const owners = await server.owner.query<{ owner: string; superuser: boolean }>(
        `select distinct pg_get_userbyid(c.relowner) as owner, r.rolsuper as superuser
       from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_roles r on r.oid = c.relowner
       where n.nspname in ('public', 'private') and c.relkind = 'r'`,
      )
      expect(owners.rows).toEqual([{ owner: 'postgres', superuser: false }])
      // The allow-list is not readable through the API at all.
      expect(
        await run('authenticated', as(adminA), 'select * from private.synced_tables where $1::text is not null', orgA),
      ).toEqual({ error: '42501' })
    })

    it('policies are for signed-in users only; every function pins its search_path and none is executable by anon', async () => {
      const policies = await server.owner.query<{ roles: string[] }>(
        `select roles::text[] as roles from pg_policies where schemaname = 'public'`,
      )
      expect(policies.rows.length).toBeGreaterThan(0)
      expect(policies.rows.every((p) => p.roles.join() === 'authenticated')).toBe(true)
      const functions = await server.owner.query<{ name: string; config: string[] | null; anon: boolean }>(
        `select p.proname as name, p.proconfig as config, has_function_privilege('anon', p.oid, 'execute') as anon
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private')`,
      )
      expect(functions.rows.length).toBeGreaterThan(10)
      for (const fn of functions.rows) {
        expect(fn.config, fn.name).toContain('search_path=""')
        expect(fn.anon, `${fn.name} is executable by anon`).toBe(false)
      }
    })

    it('the RPCs refuse another organisation’s id, whatever the caller asks', async () => {
      const calls: Array<[string, Record<string, unknown>]> = [
        ['sync_pull', { p_org: orgA, p_cursor: 0 }],
        [
          'sync_push',
          { p_org: orgA, p_changes: [change('candidates', rowA, 'update', { name: 'B was here' }, hlcAt(99))] },
        ],
        ['invite_member', { p_org: orgA, p_email: 'admin-b@example.test', p_role: 'admin' }],
        ['change_role', { p_org: orgA, p_user: adminB.id, p_role: 'admin' }],
        ['remove_member', { p_org: orgA, p_user: adminA.id }],
        ['organisation_members_list', { p_org: orgA }],
        ['organisation_invitations_list', { p_org: orgA }],
        ['billing_entitlement', { p_org: orgA }],
        ['reserve_quota', { p_org: orgA, p_kind: 'ai_interview', p_request: crypto.randomUUID() }],
        ['billing_checkout_context', { p_org: orgA }],
      ]
      for (const [fn, args] of calls) {
        const result = await adminB.client.rpc(fn, args)
        expect(result.status, fn).toBe(403)
        expect(result.error?.code, fn).toBe('42501')
      }
      const row = await server.owner.query('select data from sync_rows where org_id = $1 and row_id = $2', [orgA, rowA])
      expect(row.rows[0].data).toEqual({ name: `of ${orgA}` })
    })

    it('only the service role applies provider events: a signed-in admin gets 403 and the signed-out 401', async () => {
      const event = {
        p_provider: 'stripe',
        p_event_id: 'evt_self_upgrade',
        p_type: 'customer.subscription.updated',
        p_payment_id: null,
        p_org: orgA,
        p_subscription: 'sub_self',
        p_customer: 'cus_self',
        p_plan: 'pro',
        p_status: 'active',
        p_period_start: new Date().toISOString(),
        p_period_end: new Date(Date.now() + 86_400_000).toISOString(),
        p_occurred_at: new Date(Date.now() + 86_400_000).toISOString(),
      }
      const asAdmin = await adminA.client.rpc('billing_apply_event', event)
      expect(asAdmin.status).toBe(403)
      expect((await server.client().rpc('billing_apply_event', event)).status).toBe(401)
      const recorded = await server.owner.query(`select 1 from billing_events where event_id = 'evt_self_upgrade'`)
      expect(recorded.rowCount).toBe(0)
    })

    it('an org_id or id forged inside the fields lands in the caller’s own organisation, under the pushed row id', async () => {
      const forged = change(
        'candidates',
        rowA,
        'update',
        { org_id: orgA, id: 'someone-else', name: 'forged' },
        hlcAt(100),
      )
      const result = await adminB.client.rpc('sync_push', { p_org: orgB, p_changes: [forged] })
      expect(result.error).toBeNull()
      const rows = await server.owner.query<{ org_id: string; data: Record<string, unknown> }>(
        'select org_id, data from sync_rows where row_id = $1 order by org_id = $2 desc',
        [rowA, orgA],
      )
      expect(rows.rows).toEqual([
        { org_id: orgA, data: { name: `of ${orgA}` } },
        { org_id: orgB, data: { org_id: orgB, id: rowA, name: 'forged' } },
      ])
      const pulledByA = await adminA.client.rpc('sync_pull', { p_org: orgA, p_cursor: 0 })
      expect(JSON.stringify(pulledByA.data)).not.toContain('forged')
    })

    it('a viewer pulls but cannot push', async () => {
      const pulled = await viewerA.client.rpc('sync_pull', { p_org: orgA, p_cursor: 0 })
      expect(pulled.error).toBeNull()
      expect((pulled.data as { changes: unknown[] }).changes.length).toBeGreaterThan(0)
      const pushed = await viewerA.client.rpc('sync_push', {
        p_org: orgA,
        p_changes: [change('candidates', rowA, 'update', { name: 'viewer edit' }, hlcAt(200))],
      })
      expect(pushed.status).toBe(403)
      expect(pushed.error?.code).toBe('42501')
    })

    it('a removed member loses access at once, though their token is still valid', async () => {
      const member = await join(adminA, orgA, 'leaving@example.test', 'recruiter')
      expect((await member.client.rpc('sync_pull', { p_org: orgA, p_cursor: 0 })).error).toBeNull()
      expect((await run('authenticated', as(member), TABLES.sync_rows!.select, orgA)) as { rows: number }).not.toEqual({
        rows: 0,
      })

      expect((await adminA.client.rpc('remove_member', { p_org: orgA, p_user: member.id })).error).toBeNull()

      expect((await member.client.rpc('sync_pull', { p_org: orgA, p_cursor: 0 })).status).toBe(403)
      const push = await member.client.rpc('sync_push', {
        p_org: orgA,
        p_changes: [change('candidates', rowA, 'update', { name: 'after removal' }, hlcAt(300))],
      })
      expect(push.status).toBe(403)
      expect((await member.client.rpc('my_organisations')).data).toEqual([])
      for (const table of Object.keys(TABLES)) {
        expect(await run('authenticated', as(member), TABLES[table]!.select, orgA), table).toEqual({ rows: 0 })
      }
    })

    it('the signed-out and forged tokens get 401', async () => {
      const anon = await server.client().rpc('sync_pull', { p_org: orgA, p_cursor: 0 })
      expect(anon.status).toBe(401)
      const forger = createTokenSigner('not the project secret')
      const token = await forger.sign({ ...userClaims(adminA.id, adminA.email) }, 3600)
      const response = await fetch(`${server.url}/rest/v1/rpc/sync_pull`, {
        method: 'POST',
        headers: { apikey: server.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ p_org: orgA, p_cursor: 0 }),
      })
      expect(response.status).toBe(401)
      expect(await response.json()).toMatchObject({ code: 'PGRST301' })
    })
  },
)
