import type { Kysely } from 'kysely'
import { StudioError } from '../../../shared/contract'
import type { Hlc } from '../../../shared/hlc'
import type { SyncState, WorkspaceRole } from '../../../shared/contract/sync'
import type { Clock } from '../clock'
import type { DirectDb } from '../db/direct'
import { getMeta } from '../db/meta'
import type { Database } from '../db/schema'
import type { EventBus } from '../events'
import type { DomainApp } from '../ipc/dispatcher'
import type { Logger } from '../logger'
import type { Queue } from '../queue/queue'
import type { JobDefinition } from '../queue/types'
import type { SecretStore } from '../settings/types'
import { createSyncEngine } from './engine'
import { readLocalSchema } from './local-schema'
import { createWorkspaceClient, sendCode, signIn, signOut, signUp, verifyCode, type WorkspaceProject } from './session'
import { storedAccount } from './session-storage'
import { createStatusBoard } from './status'
import { createSupabaseServer } from './supabase-server'
import { createSyncRequester } from './request-sync'
import { createSyncRunner, followRetries } from './run-sync'
import { syncJob } from './sync-job'
import type { SyncServer } from './types'
import { adoptionPreview, adoptLocalData, WORKSPACE_META } from './workspace'
import * as workspaces from './workspaces'

export interface SyncOptions {
  /** The Supabase project; absent, team sync is off and the studio stays local, as before. */
  project?: WorkspaceProject
  /** A server other than the project's, already authorised (the engine's own tests). */
  server?: SyncServer
  /** How often a signed-in studio syncs by itself (default 30 s). */
  intervalMs?: number
  /** Changes asked for per pull (default and server maximum 1,000). */
  pullBatch?: number
}

export interface SyncDeps extends SyncOptions {
  db: Kysely<Database>
  direct: DirectDb
  queue: Queue
  events: EventBus
  clock: Clock
  logger: Logger
  hlc: Hlc
  secrets: SecretStore
  /** The studio's organisation, which adoption changes to the workspace's. */
  org: { get(): string; set(id: string): void }
  /** Runs after each sync that reached the workspace (billing reads the plan here). */
  onSynced?(): Promise<void>
}

export interface SyncApp extends DomainApp<'sync'> {
  jobs: JobDefinition<never>[]
  /** Reads which workspace the data belongs to and starts the timer; run once the queue knows its jobs. */
  start(): Promise<void>
  close(): void
}

export function createApp(deps: SyncDeps): SyncApp {
  const { db, direct, queue, logger } = deps
  const client = deps.project ? createWorkspaceClient(deps.project, deps.secrets) : null
  const server = deps.server ?? (client ? createSupabaseServer(client) : null)
  const engine = createSyncEngine(deps)
  let workspace: string | undefined
  let role: WorkspaceRole | null = null
  let timer: NodeJS.Timeout | null = null

  const account = () => (deps.server ? null : storedAccount(deps.secrets))
  const signedIn = () => deps.server !== undefined || account() !== null
  const active = () => server !== null && signedIn() && workspace === deps.org.get()
  const restingState = (): SyncState => (active() ? { state: 'idle' } : { state: 'signed-out' })
  const board = createStatusBoard(
    {
      db,
      org: deps.org.get,
      account,
      workspace: () => workspace ?? null,
      role: () => role,
      emit: (status) => deps.events.emit('sync.status', status),
    },
    { state: 'signed-out' },
  )

  // Read again after every sync, so an admin's change of role shows within one sync.
  const refreshRole = async () => {
    if (!client || !workspace || account() === null) {
      role = null
      return
    }
    try {
      role = (await workspaces.listWorkspaces(client)).find((w) => w.id === workspace)?.role ?? null
    } catch (error) {
      // Offline: the last role read stands until the server answers again.
      logger.info('the workspace role could not be read', { error: String(error) })
    }
  }
  const runSync = createSyncRunner({
    engine,
    server,
    board,
    active,
    org: deps.org.get,
    events: deps.events,
    afterRun: async () => {
      await refreshRole()
      await deps.onSynced?.()
    },
  })
  followRetries(deps.events, board)
  const request = createSyncRequester({ db, queue, clock: deps.clock, logger, active })

  const afterSessionChange = async () => {
    await refreshRole()
    await board.set(restingState())
    await request(true)
    return board.read()
  }
  const needClient = () => {
    if (!client) throw new StudioError('unavailable', 'Team sync is not set up in this build')
    return client
  }
  const schemaNow = () => direct.transaction(readLocalSchema)

  return {
    jobs: [syncJob(runSync) as JobDefinition<never>],
    async start() {
      workspace = await getMeta(db, WORKSPACE_META)
      await board.set(restingState())
      // The role comes from the server: not awaited, start-up does not wait for the network.
      void refreshRole()
        .then(() => board.set(board.current()))
        .catch((error: unknown) => logger.warn('the sync status could not be read', { error: String(error) }))
      timer = setInterval(() => void request(false), deps.intervalMs ?? 30_000)
      timer.unref?.()
      await request(true)
    },
    close() {
      if (timer) clearInterval(timer)
      timer = null
    },
    handlers: {
      'sync.status': () => board.read(),
      'sync.now': async () => {
        await request(true)
        return board.read()
      },
      'sync.signIn': async ({ email, password }) => {
        await signIn(needClient(), email, password)
        return afterSessionChange()
      },
      'sync.sendCode': async ({ email }) => {
        await sendCode(needClient(), email)
        return { sent: true as const }
      },
      'sync.verifyCode': async ({ email, code }) => {
        await verifyCode(needClient(), email, code)
        return afterSessionChange()
      },
      'sync.signUp': async ({ email, password }) => {
        await signUp(needClient(), email, password)
        return afterSessionChange()
      },
      'sync.signOut': async () => {
        await signOut(needClient(), deps.secrets)
        return afterSessionChange()
      },
      'sync.adoptPreview': async ({ workspaceId }) => {
        const schema = await schemaNow()
        return direct.transaction((d) => adoptionPreview(d, schema, deps.org.get(), workspaceId))
      },
      'sync.adopt': async ({ workspaceId }) => {
        const schema = await schemaNow()
        // The studio's organisation changes inside the transaction, so no write lands between.
        await direct.transaction((d) => {
          adoptLocalData(d, schema, deps.org.get(), workspaceId)
          deps.org.set(workspaceId)
        })
        workspace = workspaceId
        return afterSessionChange()
      },
      'sync.workspaces': () => workspaces.listWorkspaces(needClient()),
      'sync.createWorkspace': ({ name }) => workspaces.createWorkspace(needClient(), name),
      'sync.acceptInvitation': ({ token }) => workspaces.acceptInvitation(needClient(), token),
      'sync.members': ({ workspaceId }) => workspaces.listMembers(needClient(), workspaceId),
      'sync.invite': ({ workspaceId, email, role }) => workspaces.inviteMember(needClient(), workspaceId, email, role),
      'sync.changeRole': ({ workspaceId, userId, role }) =>
        workspaces.changeRole(needClient(), workspaceId, userId, role),
      'sync.removeMember': ({ workspaceId, userId }) => workspaces.removeMember(needClient(), workspaceId, userId),
      'sync.setFileSync': async ({ workspaceId, on }) => {
        const changed = await workspaces.setFileSync(needClient(), workspaceId, on)
        // A sync now runs the file transfer that follows every sync (studio.ts), with the new setting.
        await request(true)
        return changed
      },
    },
  }
}
