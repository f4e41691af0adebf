import { z } from 'zod'
import { request } from './define'

/**
 * Team sync with the workspace on Supabase. The session (access and refresh tokens) stays in the
 * core and the host's secret store: no request or event here carries it, only who is signed in.
 */

/** Where sync stands, for the shell's indicator. Times are epoch milliseconds. */
export type SyncState =
  /** Signed in to a workspace and up to date as of `lastSyncedAt` (null before the first sync). */
  | { state: 'idle' }
  /** Sending local changes or applying the workspace's: `done` of `total` (null while unknown). */
  | { state: 'syncing'; phase: 'push' | 'pull'; done: number; total: number | null }
  /** The workspace could not be reached; the queue tries again at `retryingAt`. */
  | { state: 'offline'; retryingAt: number | null; reason: string }
  /** No session, an expired one, or no workspace chosen yet: nothing syncs until the recruiter signs in. */
  | { state: 'signed-out' }
  /** Sync stopped on something retrying cannot fix; `message` says what, in words. */
  | { state: 'error'; message: string }

export type SyncStatus = SyncState & {
  lastSyncedAt: number | null
  /** Local changes not yet accepted by the workspace. */
  pending: number
  /** The signed-in account's email, or null when signed out. Signed in with no workspace: choose or create one. */
  account: string | null
  /** The workspace this studio's data belongs to (adopted), or null while it is local only. */
  workspace: string | null
  /**
   * The account's role there as last read from the server (null when unknown: signed out, or not
   * reached yet). For the app's own checks, such as a viewer not dragging; the server enforces it.
   */
  role: WorkspaceRole | null
}

const email = z.string().trim().toLowerCase().email().max(320)
const credentials = z
  .object({
    email,
    password: z.string().min(8).max(200),
  })
  .strict()
/** The six digits of a sign-in code sent by email. */
const oneTimeCode = z
  .object({
    email,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'The code is the six digits from the email'),
  })
  .strict()

const workspace = z.object({ workspaceId: z.uuid() }).strict()
const roleSchema = z.enum(['admin', 'recruiter', 'viewer'])
export type WorkspaceRole = z.infer<typeof roleSchema>

/** A workspace the signed-in account belongs to, and its role there. */
export interface WorkspaceView {
  id: string
  name: string
  role: WorkspaceRole
  /** Resumes and recordings go to the workspace's storage too (an admin turns it on). */
  fileSync: boolean
}

/** File sync on this computer: files in the workspace's storage, and this studio's not sent yet. */
export interface FileSyncStatus {
  inWorkspace: number
  /** This computer's resumes and recordings that are not in the workspace (while file sync is on, they are sent). */
  notSent: number
}

export interface WorkspaceMemberView {
  userId: string
  email: string
  role: WorkspaceRole
  joinedAt: number
}

/**
 * An invitation as created: the token is shown to the admin once, to pass to the invitee (only
 * its hash is kept on the server). It is not a session: it lets that email address join, nothing else.
 */
export interface WorkspaceInvitation {
  email: string
  role: WorkspaceRole
  token: string
  expiresAt: number
}

/** What adopting the local data into a workspace moves: rows by table, and changes to send. */
export interface AdoptionPreview {
  workspace: string
  rows: { table: string; count: number }[]
  changes: number
}

export const syncRequests = {
  'sync.status': request<SyncStatus>()(z.object({}).strict()),
  /** Queues a sync at once (or brings a waiting retry forward); answers with the status after queueing. */
  'sync.now': request<SyncStatus>()(z.object({}).strict()),
  'sync.signIn': request<SyncStatus>()(credentials),
  /** Creates the account; when the project confirms emails first, the answer stays signed out. */
  'sync.signUp': request<SyncStatus>()(credentials),
  /** Emails a one-time sign-in code to an existing account (no password needed). */
  'sync.sendCode': request<{ sent: true }>()(z.object({ email }).strict()),
  /** Signs in with the code from that email. */
  'sync.verifyCode': request<SyncStatus>()(oneTimeCode),
  'sync.signOut': request<SyncStatus>()(z.object({}).strict()),
  /** What `sync.adopt` would move into the workspace, without moving it. */
  'sync.adoptPreview': request<AdoptionPreview>()(workspace),
  /**
   * Makes the local data the workspace's (once: a studio already in another workspace is refused)
   * and starts syncing with it. The workspace id comes from creating one or accepting an invitation.
   */
  'sync.adopt': request<SyncStatus>()(workspace),
  /** The signed-in account's workspaces, with its role in each. */
  'sync.workspaces': request<WorkspaceView[]>()(z.object({}).strict()),
  'sync.createWorkspace': request<WorkspaceView>()(z.object({ name: z.string().trim().min(1).max(200) }).strict()),
  'sync.acceptInvitation': request<WorkspaceView>()(
    z.object({ token: z.string().regex(/^[0-9a-f]{64}$/, 'Not an invitation code') }).strict(),
  ),
  /** Members of a workspace (any member may list them; the server decides). */
  'sync.members': request<WorkspaceMemberView[]>()(workspace),
  /** Admins only, enforced by the server. */
  'sync.invite': request<WorkspaceInvitation>()(
    z
      .object({ workspaceId: z.uuid(), email: z.string().trim().toLowerCase().email().max(320), role: roleSchema })
      .strict(),
  ),
  'sync.changeRole': request<WorkspaceMemberView[]>()(
    z.object({ workspaceId: z.uuid(), userId: z.uuid(), role: roleSchema }).strict(),
  ),
  'sync.removeMember': request<WorkspaceMemberView[]>()(z.object({ workspaceId: z.uuid(), userId: z.uuid() }).strict()),
  /** Admins only, enforced by the server: turns file sync on or off for the whole workspace. */
  'sync.setFileSync': request<WorkspaceView>()(z.object({ workspaceId: z.uuid(), on: z.boolean() }).strict()),
  'files.status': request<FileSyncStatus>()(z.object({}).strict()),
}

export const syncEvents = {
  'sync.status': z.custom<SyncStatus>(),
  /** Teammates' changes were applied here: screens showing these tables refresh (the board, lists). */
  'sync.changed': z.object({ tables: z.array(z.string()) }),
}
