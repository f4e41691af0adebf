import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { edgeFunctionsUnavailable } from '../../harness/supabase/function-routes'
import {
  startWorkspaceServer,
  userClaims,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { budget } from '../../helpers/patience'

const unavailable = workspaceServerUnavailable() ?? edgeFunctionsUnavailable()
const FUNCTION = path.resolve(__dirname, '../../../supabase/functions/shared-link/index.ts')

/** What the app shares when profile and assessment are ticked and contact details are not. */
const SNAPSHOT = {
  name: '<script>alert(1)</script> Ada & "Lovelace"',
  title: 'Analyst <b>engine</b>',
  years: 9,
  skills: ['Mathematics', 'Notes <img src=x onerror=alert(1)>'],
  assessment: {
    overall: 82,
    questions: [{ question: 'Explain the engine', score: 4, reason: 'Clear and <i>precise</i>' }],
    strengths: ['Rigour'],
    weaknesses: ['Brevity'],
  },
}

/** Text that must never be on a page: what was not ticked and what is never shared. */
const NEVER = ['ada@example.test', 'integrity', 'tab switch', 'self-identification', '<video', '<audio', '.webm']

describe.skipIf(unavailable)(`shared links: the hiring manager's page${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let admin: SignedInUser
  let recruiter: SignedInUser
  let viewer: SignedInUser
  let outsider: SignedInUser
  let org: string

  beforeAll(async () => {
    server = await startWorkspaceServer({
      edgeFunctions: { functions: { 'shared-link': FUNCTION } },
      edgeFunctionStartMs: budget(60_000),
    })
    admin = await server.signUp('admin@example.test')
    org = await server.createOrganisation(admin, 'Acme')
    // Its members outnumber Free's two seats: on Pro (set as the billing webhook would).
    await server.owner.query(`update billing_entitlements set plan = 'pro', status = 'active' where org_id = $1`, [org])
    recruiter = await server.addMember(admin, org, 'recruiter@example.test', 'recruiter')
    viewer = await server.addMember(admin, org, 'viewer@example.test', 'viewer')
    outsider = await server.signUp('outsider@example.test')
    await server.createOrganisation(outsider, 'Other')
  }, budget(120_000))

  afterAll(async () => {
    await server?.stop()
  })

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

  async function createLink(candidate = 'cand-1', user = recruiter): Promise<{ id: string; token: string }> {
    const { data, error } = await user.client.rpc('create_shared_link', {
      p_org: org,
      p_candidate_id: candidate,
      p_fields: SNAPSHOT,
      p_expires_at: inDays(7),
    })
    if (error) throw new Error(error.message)
    return data as { id: string; token: string }
  }

  const open = (token: string) =>
    fetch(`${server.url}/functions/v1/shared-link?t=${encodeURIComponent(token)}`, {
      headers: { 'user-agent': 'HiringManagerBrowser/1.0' },
    })

  async function views(linkId: string): Promise<{ outcome: string; user_agent: string | null }[]> {
    const { rows } = await server.owner.query<{ outcome: string; user_agent: string | null }>(
      'select outcome, user_agent from public.shared_link_views where link_id = $1 order by id',
      [linkId],
    )
    return rows
  }

  /** The page for a link that does not show: nothing of the candidate, no script, logged. */
  async function expectRefused(response: Response, status: number, message: string) {
    expect(response.status).toBe(status)
    const html = await response.text()
    expect(html).toContain(message)
    for (const text of ['Ada', 'Lovelace', 'Analyst', 'Mathematics', 'Rigour', 'cand-1'])
      expect(html).not.toContain(text)
  }

  it('a valid link shows exactly the shared fields, escaped, under a no-script policy, and logs the view', async () => {
    const link = await createLink()
    expect(link.token).toMatch(new RegExp(`^${link.id}\\.[0-9a-f]{64}$`))
    const stored = await server.owner.query<{ token_hash: Buffer }>(
      'select token_hash from public.shared_links where id = $1',
      [link.id],
    )
    expect(stored.rows[0]!.token_hash.toString('hex')).not.toContain(link.token.split('.')[1])

    const response = await open(link.token)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(response.headers.get('content-security-policy')).not.toContain('script-src')
    const html = await response.text()
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; Ada &#38; &#34;Lovelace&#34;')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>engine')
    for (const text of [
      'Analyst &#60;b&#62;engine',
      'Mathematics',
      'Explain the engine',
      'Clear and &#60;i&#62;precise',
      'Rigour',
      'Brevity',
      '82 / 100',
    ]) {
      expect(html).toContain(text)
    }
    // Ranking was not ticked, so the page has no fit section.
    expect(html).not.toContain('Fit for')
    for (const text of NEVER) expect(html.toLowerCase()).not.toContain(text)
    expect(await views(link.id)).toEqual([{ outcome: 'shown', user_agent: 'HiringManagerBrowser/1.0' }])
  })

  it('expired, revoked, tampered and unknown links show nothing about the candidate, and each attempt is logged', async () => {
    const expired = await createLink()
    await server.owner.query(`update public.shared_links set expires_at = now() - interval '1 minute' where id = $1`, [
      expired.id,
    ])
    await expectRefused(await open(expired.token), 410, 'This link has expired.')
    expect((await views(expired.id)).map((v) => v.outcome)).toEqual(['expired'])

    const revoked = await createLink()
    const revoke = await recruiter.client.rpc('revoke_shared_link', { p_link: revoked.id })
    expect(revoke.error).toBeNull()
    await expectRefused(await open(revoked.token), 410, 'This link was revoked.')
    expect((await views(revoked.id)).map((v) => v.outcome)).toEqual(['revoked'])

    const tampered = await createLink()
    const last = tampered.token.at(-1) === '0' ? '1' : '0'
    await expectRefused(await open(tampered.token.slice(0, -1) + last), 404, 'This link is not valid.')
    await expectRefused(await open(`${tampered.id}.not-hex`), 404, 'This link is not valid.')
    expect((await views(tampered.id)).map((v) => v.outcome)).toEqual(['tampered', 'tampered'])

    const before = await server.owner.query(
      `select count(*)::int as n from public.shared_link_views where outcome = 'unknown'`,
    )
    await expectRefused(await open(`${crypto.randomUUID()}.${'a'.repeat(64)}`), 404, 'This link is not valid.')
    await expectRefused(await open('garbage'), 404, 'This link is not valid.')
    const after = await server.owner.query(
      `select count(*)::int as n from public.shared_link_views where outcome = 'unknown'`,
    )
    expect(after.rows[0].n - before.rows[0].n).toBe(2)
  })

  it("lists a candidate's links with their views to members; another organisation cannot list or revoke; a viewer cannot create", async () => {
    const link = await createLink('cand-list')
    await open(link.token)
    const listed = await viewer.client.rpc('shared_links_for_candidate', { p_org: org, p_candidate: 'cand-list' })
    expect(listed.error).toBeNull()
    expect(listed.data).toMatchObject([{ id: link.id, view_count: 1, revoked_at: null, views: [{ outcome: 'shown' }] }])

    const outsiderList = await outsider.client.rpc('shared_links_for_candidate', {
      p_org: org,
      p_candidate: 'cand-list',
    })
    expect(outsiderList.error?.code).toBe('42501')
    // Row-level security: the outsider's direct reads see none of the organisation's links or views.
    const seen = await server.asRole('authenticated', userClaims(outsider.id), async (db) => ({
      links: (await db.query('select id from public.shared_links')).rowCount,
      views: (await db.query('select id from public.shared_link_views where link_id = $1', [link.id])).rowCount,
    }))
    expect(seen).toEqual({ links: 0, views: 0 })
    const member = await server.asRole(
      'authenticated',
      userClaims(viewer.id),
      async (db) => (await db.query('select id from public.shared_links where id = $1', [link.id])).rowCount,
    )
    expect(member).toBe(1)
    const outsiderRevoke = await outsider.client.rpc('revoke_shared_link', { p_link: link.id })
    expect(outsiderRevoke.error?.code).toBe('42501')
    const viewerRevoke = await viewer.client.rpc('revoke_shared_link', { p_link: link.id })
    expect(viewerRevoke.error?.code).toBe('42501')
    const still = await server.owner.query('select revoked_at from public.shared_links where id = $1', [link.id])
    expect(still.rows[0].revoked_at).toBeNull()

    await expect(createLink('cand-list', viewer)).rejects.toThrow(/not allowed/)
    const tooLong = await admin.client.rpc('create_shared_link', {
      p_org: org,
      p_candidate_id: 'cand-list',
      p_fields: SNAPSHOT,
      p_expires_at: inDays(31),
    })
    expect(tooLong.error?.message).toMatch(/30 days/)
    // The view check is for the Edge Function's service role alone.
    const direct = await admin.client.rpc('view_shared_link', {
      p_token_id: link.id,
      p_token_hash: '0'.repeat(64),
      p_user_agent: 'x',
    })
    expect(direct.error?.code).toBe('42501')
  })
})
