import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkspaceInvitation, WorkspaceMemberView, WorkspaceView } from '@shared/contract/sync'
import type { Studio } from '@core/studio'
import { startWorkspaceServer, workspaceServerUnavailable, type WorkspaceServer } from '../../harness/supabase'
import { createTempStudio } from '../../helpers/temp-studio'
import { budget } from '../../helpers/patience'
import { call } from './studios'

/*
 * Workspaces from the studio's requests: sign up, create one, invite, accept, list members, change
 * a role and remove a member, each through supabase-js against the real server, where the SQL
 * functions enforce the roles.
 */

const unavailable = workspaceServerUnavailable()
const PASSWORD = 'correct horse battery staple'

describe.skipIf(unavailable)(`workspaces through the studio${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  const opened: Studio[] = []
  const studio = async (email: string) => {
    const { studio } = await createTempStudio({
      sync: { project: { url: server.url, anonKey: server.anonKey }, intervalMs: 3_600_000 },
    })
    opened.push(studio)
    await call(studio, 'sync.signUp', { email, password: PASSWORD })
    return studio
  }

  beforeAll(async () => {
    server = await startWorkspaceServer()
  }, budget(120_000))
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()))
    await server?.stop()
  })

  it('creates a workspace, invites a member who accepts, changes their role and removes them', async () => {
    const admin = await studio('ws-admin@example.test')
    const created = await call<WorkspaceView>(admin, 'sync.createWorkspace', { name: 'Hiring team' })
    expect(created).toMatchObject({ name: 'Hiring team', role: 'admin' })
    expect(await call<WorkspaceView[]>(admin, 'sync.workspaces')).toEqual([created])

    const invitation = await call<WorkspaceInvitation>(admin, 'sync.invite', {
      workspaceId: created.id,
      email: 'WS-Member@example.test',
      role: 'recruiter',
    })
    expect(invitation).toMatchObject({ email: 'ws-member@example.test', role: 'recruiter' })
    const member = await studio('ws-member@example.test')
    expect(await call<WorkspaceView>(member, 'sync.acceptInvitation', { token: invitation.token })).toEqual({
      ...created,
      role: 'recruiter',
    })

    const members = await call<WorkspaceMemberView[]>(admin, 'sync.members', { workspaceId: created.id })
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['ws-admin@example.test', 'admin'],
      ['ws-member@example.test', 'recruiter'],
    ])
    const memberId = members[1]!.userId

    // Only an admin may manage members: the server refuses the recruiter.
    const refused = await member.dispatch(
      'sync.invite',
      { workspaceId: created.id, email: 'someone@example.test', role: 'admin' },
      { audience: 'recruiter' },
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    const demoted = await call<WorkspaceMemberView[]>(admin, 'sync.changeRole', {
      workspaceId: created.id,
      userId: memberId,
      role: 'viewer',
    })
    expect(demoted.find((m) => m.userId === memberId)?.role).toBe('viewer')
    await call(admin, 'sync.removeMember', { workspaceId: created.id, userId: memberId })
    expect(await call<WorkspaceView[]>(member, 'sync.workspaces')).toEqual([])
  })
})
