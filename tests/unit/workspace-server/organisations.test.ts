import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startWorkspaceServer,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'

const unavailable = workspaceServerUnavailable()

describe.skipIf(unavailable)(
  `organisations, members and invitations through supabase-js${unavailable ? ` [${unavailable}]` : ''}`,
  () => {
    let server: WorkspaceServer
    beforeAll(async () => {
      server = await startWorkspaceServer()
    })
    afterAll(async () => {
      await server?.stop()
    })

    const newOrganisation = async (name: string) => {
      const admin = await server.signUp(`admin-${crypto.randomUUID()}@example.test`)
      const { data: orgId, error } = await admin.client.rpc('create_organisation', { p_name: name })
      expect(error).toBeNull()
      return { admin, orgId: orgId as string }
    }

    const invite = async (admin: SignedInUser, orgId: string, email: string, role: string) => {
      const { data, error } = await admin.client.rpc('invite_member', { p_org: orgId, p_email: email, p_role: role })
      expect(error).toBeNull()
      return data as { id: string; token: string; role: string; email: string }
    }

    it('the creator of an organisation is its admin, and lists it with that role', async () => {
      const { admin, orgId } = await newOrganisation('Acme Hiring')
      const { data, error } = await admin.client.rpc('my_organisations')
      expect(error).toBeNull()
      expect(data).toEqual([{ id: orgId, name: 'Acme Hiring', role: 'admin', file_sync: false }])
      const members = await admin.client.rpc('organisation_members_list', { p_org: orgId })
      expect(members.data).toEqual([expect.objectContaining({ user_id: admin.id, email: admin.email, role: 'admin' })])
    })

    it('an invitation is accepted once, by the invited address only, and gives the invited role', async () => {
      const { admin, orgId } = await newOrganisation('Invites Ltd')
      const invitedEmail = `recruiter-${crypto.randomUUID()}@example.test`
      const invitation = await invite(admin, orgId, invitedEmail.toUpperCase(), 'recruiter')
      expect(invitation.email).toBe(invitedEmail)
      expect(invitation.token).toMatch(/^[0-9a-f]{64}$/)

      const stranger = await server.signUp(`stranger-${crypto.randomUUID()}@example.test`)
      const wrong = await stranger.client.rpc('accept_invitation', { p_token: invitation.token })
      expect(wrong.status).toBe(403)
      expect(wrong.error?.code).toBe('42501')

      const invited = await server.signUp(invitedEmail)
      const accepted = await invited.client.rpc('accept_invitation', { p_token: invitation.token })
      expect(accepted.error).toBeNull()
      expect(accepted.data).toEqual({ org_id: orgId, role: 'recruiter' })
      const again = await invited.client.rpc('accept_invitation', { p_token: invitation.token })
      expect(again.status).toBe(400)
      expect(again.error?.code).toBe('P0001')

      const { rows } = await server.owner.query(
        'select token_hash, accepted_by from organisation_invitations where id = $1',
        [invitation.id],
      )
      expect(rows[0].accepted_by).toBe(invited.id)
      // Only the hash is stored: the token itself is nowhere in the table.
      expect(Buffer.from(rows[0].token_hash).toString('hex')).not.toBe(invitation.token)
    })

    it('inviting an address again renews its open invitation: one row, a new token, the old one void', async () => {
      const { admin, orgId } = await newOrganisation('Twice Ltd')
      const email = `again-${crypto.randomUUID()}@example.test`
      const first = await invite(admin, orgId, email, 'viewer')
      const second = await invite(admin, orgId, email, 'recruiter')
      expect(second.id).toBe(first.id)
      expect(second.token).not.toBe(first.token)
      const invited = await server.signUp(email)
      expect((await invited.client.rpc('accept_invitation', { p_token: first.token })).status).toBe(400)
      const accepted = await invited.client.rpc('accept_invitation', { p_token: second.token })
      expect(accepted.data).toEqual({ org_id: orgId, role: 'recruiter' })
      const listed = await admin.client.rpc('organisation_invitations_list', { p_org: orgId })
      expect(listed.data).toEqual([expect.objectContaining({ id: first.id, email, role: 'recruiter' })])
    })

    it('an expired invitation cannot be accepted', async () => {
      const { admin, orgId } = await newOrganisation('Late Co')
      const email = `late-${crypto.randomUUID()}@example.test`
      const invitation = await invite(admin, orgId, email, 'viewer')
      await server.owner.query(
        `update organisation_invitations set expires_at = now() - interval '1 second' where id = $1`,
        [invitation.id],
      )
      const invited = await server.signUp(email)
      const result = await invited.client.rpc('accept_invitation', { p_token: invitation.token })
      expect(result.error?.message).toMatch(/not valid/)
      expect((await invited.client.rpc('my_organisations')).data).toEqual([])
    })

    it('only admins invite, change roles and remove members', async () => {
      const { admin, orgId } = await newOrganisation('Roles Inc')
      const email = `r-${crypto.randomUUID()}@example.test`
      const recruiter = await server.signUp(email)
      await recruiter.client.rpc('accept_invitation', {
        p_token: (await invite(admin, orgId, email, 'recruiter')).token,
      })

      const inviteByRecruiter = await recruiter.client.rpc('invite_member', {
        p_org: orgId,
        p_email: 'x@example.test',
        p_role: 'admin',
      })
      expect(inviteByRecruiter.status).toBe(403)
      const promoteSelf = await recruiter.client.rpc('change_role', {
        p_org: orgId,
        p_user: recruiter.id,
        p_role: 'admin',
      })
      expect(promoteSelf.status).toBe(403)
      const removeAdmin = await recruiter.client.rpc('remove_member', { p_org: orgId, p_user: admin.id })
      expect(removeAdmin.status).toBe(403)
      const invitations = await recruiter.client.rpc('organisation_invitations_list', { p_org: orgId })
      expect(invitations.status).toBe(403)

      const demote = await admin.client.rpc('change_role', { p_org: orgId, p_user: recruiter.id, p_role: 'viewer' })
      expect(demote.error).toBeNull()
      expect((await recruiter.client.rpc('my_organisations')).data).toEqual([
        { id: orgId, name: 'Roles Inc', role: 'viewer', file_sync: false },
      ])
      const badRole = await admin.client.rpc('change_role', { p_org: orgId, p_user: recruiter.id, p_role: 'owner' })
      expect(badRole.error?.code).toBe('23514')
    })

    it('an organisation keeps at least one admin', async () => {
      const { admin, orgId } = await newOrganisation('Solo')
      const leave = await admin.client.rpc('remove_member', { p_org: orgId, p_user: admin.id })
      expect(leave.status).toBe(400)
      expect(leave.error?.message).toMatch(/at least one admin/)
      const demote = await admin.client.rpc('change_role', { p_org: orgId, p_user: admin.id, p_role: 'recruiter' })
      expect(demote.error?.message).toMatch(/at least one admin/)

      const email = `second-${crypto.randomUUID()}@example.test`
      const second = await server.signUp(email)
      await second.client.rpc('accept_invitation', { p_token: (await invite(admin, orgId, email, 'admin')).token })
      // Two admins removing each other at once: the organisation lock lets one through, not both.
      const [a, b] = await Promise.all([
        admin.client.rpc('remove_member', { p_org: orgId, p_user: second.id }),
        second.client.rpc('remove_member', { p_org: orgId, p_user: admin.id }),
      ])
      expect([a.error, b.error].filter((e) => e === null)).toHaveLength(1)
      const { rows } = await server.owner.query(
        `select count(*)::int as admins from organisation_members where org_id = $1`,
        [orgId],
      )
      expect(rows[0].admins).toBe(1)
    })

    it('the signed-out get 401 from every workspace function', async () => {
      const anon = server.client()
      for (const [fn, args] of [
        ['create_organisation', { p_name: 'Nope' }],
        ['my_organisations', {}],
        ['sync_pull', { p_org: crypto.randomUUID(), p_cursor: 0 }],
      ] as const) {
        const result = await anon.rpc(fn, args)
        expect(result.status, fn).toBe(401)
        expect(result.error?.code, fn).toBe('42501')
      }
    })
  },
)
