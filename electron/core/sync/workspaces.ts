import type { SupabaseClient } from '@supabase/supabase-js'
import { z } from 'zod'
import { StudioError } from '../../../shared/contract'
import type {
  WorkspaceInvitation,
  WorkspaceMemberView,
  WorkspaceRole,
  WorkspaceView,
} from '../../../shared/contract/sync'
import { errorKind } from './supabase-server'

/*
 * The workspace's organisations, members and invitations, through the server's RPCs (the
 * functions in supabase/migrations enforce every role; these only call them and check the
 * answers' shape).
 */

const role = z.enum(['admin', 'recruiter', 'viewer'])
// file_sync is absent from a server without the file-sync migration: off, as it is there.
const workspace = z
  .object({ id: z.string(), name: z.string(), role, file_sync: z.boolean().default(false) })
  .transform(({ file_sync, ...rest }): WorkspaceView => ({ ...rest, fileSync: file_sync }))
const member = z.object({ user_id: z.string(), email: z.string(), role, joined_at: z.string() })
const invitation = z.object({ email: z.string(), role, token: z.string(), expires_at: z.string() })
const accepted = z.object({ org_id: z.string(), role })

interface RpcAnswer {
  data: unknown
  error: { message: string; code?: string } | null
  status: number
}

async function rpc<T>(client: SupabaseClient, name: string, args: object, schema: z.ZodType<T>): Promise<T> {
  const answer = (await client.rpc(name, args)) as RpcAnswer
  if (answer.error) {
    const kind = errorKind(answer.status, answer.error.code)
    if (kind === 'retryable') throw new StudioError('unavailable', 'The workspace could not be reached; try again')
    if (kind === 'signed-out') throw new StudioError('forbidden', 'Sign in to the workspace first')
    if (kind === 'not-allowed') throw new StudioError('forbidden', `Not allowed: ${answer.error.message}`)
    throw new StudioError('conflict', answer.error.message)
  }
  const parsed = schema.safeParse(answer.data)
  if (!parsed.success) throw new StudioError('internal', `${name} answered in an unexpected shape`)
  return parsed.data
}

export async function listWorkspaces(client: SupabaseClient): Promise<WorkspaceView[]> {
  return rpc(client, 'my_organisations', {}, z.array(workspace))
}

export async function createWorkspace(client: SupabaseClient, name: string): Promise<WorkspaceView> {
  const id = await rpc(client, 'create_organisation', { p_name: name }, z.string())
  return { id, name, role: 'admin', fileSync: false }
}

export async function acceptInvitation(client: SupabaseClient, token: string): Promise<WorkspaceView> {
  const { org_id } = await rpc(client, 'accept_invitation', { p_token: token }, accepted)
  const found = (await listWorkspaces(client)).find((w) => w.id === org_id)
  if (!found) throw new StudioError('internal', 'The invitation was accepted but the workspace is not listed')
  return found
}

export async function listMembers(client: SupabaseClient, workspaceId: string): Promise<WorkspaceMemberView[]> {
  const rows = await rpc(client, 'organisation_members_list', { p_org: workspaceId }, z.array(member))
  return rows.map((m) => ({ userId: m.user_id, email: m.email, role: m.role, joinedAt: Date.parse(m.joined_at) }))
}

export async function inviteMember(
  client: SupabaseClient,
  workspaceId: string,
  email: string,
  as: WorkspaceRole,
): Promise<WorkspaceInvitation> {
  const sent = await rpc(client, 'invite_member', { p_org: workspaceId, p_email: email, p_role: as }, invitation)
  return { email: sent.email, role: sent.role, token: sent.token, expiresAt: Date.parse(sent.expires_at) }
}

export async function changeRole(client: SupabaseClient, workspaceId: string, userId: string, to: WorkspaceRole) {
  await rpc(client, 'change_role', { p_org: workspaceId, p_user: userId, p_role: to }, z.unknown())
  return listMembers(client, workspaceId)
}

export async function removeMember(client: SupabaseClient, workspaceId: string, userId: string) {
  await rpc(client, 'remove_member', { p_org: workspaceId, p_user: userId }, z.unknown())
  return listMembers(client, workspaceId)
}

export async function setFileSync(client: SupabaseClient, workspaceId: string, on: boolean): Promise<WorkspaceView> {
  await rpc(client, 'set_file_sync', { p_org: workspaceId, p_on: on }, z.unknown())
  const found = (await listWorkspaces(client)).find((w) => w.id === workspaceId)
  if (!found) throw new StudioError('forbidden', 'This account is not a member of the workspace any more')
  return found
}
