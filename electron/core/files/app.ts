import type { SupabaseClient } from '@supabase/supabase-js'
import fs from 'node:fs'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { WorkspaceRole } from '../../../shared/contract/sync'
import { pathInside } from '../data-folder/inside'
import type { SyncedWriter } from '../db/synced'
import type { Database } from '../db/schema'
import type { DomainApp } from '../ipc/dispatcher'
import type { Logger } from '../logger'
import type { Queue } from '../queue/queue'
import { defineJob, type JobDefinition } from '../queue/types'
import { RECORDINGS_DIR } from '../recording/recordings-store'
import { createFileStore } from '../screening/intake/file-store'
import { listWorkspaces } from '../sync/workspaces'
import { objectName, supabaseBucket, type FileBucket } from './bucket'
import { fetchResumes, recordingCopy, uploadMissing, type TransferDeps } from './transfer'

export const FILE_SYNC_JOB = 'files.sync'
export const FILE_REMOVE_JOB = 'files.remove'

export interface FilesDeps {
  db: Kysely<Database>
  writer: SyncedWriter
  queue: Queue
  logger: Logger
  dataDir: string
  /** The signed-in workspace this studio's data belongs to, or null (signed out, or local only). */
  workspace(): Promise<{ client: SupabaseClient; orgId: string } | null>
  /** The bucket behind a session; supabase-js Storage unless a test gives another. */
  bucketFor?(client: SupabaseClient): FileBucket
}

export interface FilesApp extends DomainApp<'files'> {
  jobs: JobDefinition<never>[]
  /** Queues a transfer after a sync (file sync on or off is read by the job itself). */
  afterSync(): Promise<void>
  /** A teammate's recording, fetched from the workspace when needed: its path relative to the data folder. */
  recordingCopy(recordingId: string): Promise<string | null>
  /** Queues the removal of these objects from the workspace (a candidate was erased here). */
  forget(hashes: readonly string[]): Promise<void>
}

interface Live {
  transfer: TransferDeps
  role: WorkspaceRole
  fileSync: boolean
}

const hashes = z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10_000)

export function createApp(deps: FilesDeps): FilesApp {
  const { db, queue } = deps
  const store = createFileStore(deps.dataDir)
  const readRecording = (relative: string) => {
    const full = pathInside(deps.dataDir, RECORDINGS_DIR, relative)
    return full ? fs.promises.readFile(full) : Promise.reject(new Error('path outside the recordings'))
  }

  /** The workspace as file sync sees it now: its bucket, this account's role, and whether file sync is on. */
  const live = async (): Promise<Live | null> => {
    const workspace = await deps.workspace()
    if (!workspace) return null
    const found = (await listWorkspaces(workspace.client)).find((w) => w.id === workspace.orgId)
    if (!found) return null
    const bucket = (deps.bucketFor ?? supabaseBucket)(workspace.client)
    const transfer = { db, writer: deps.writer, store, readRecording, bucket, orgId: workspace.orgId }
    return { transfer, role: found.role, fileSync: found.fileSync }
  }

  const syncJob = defineJob({
    kind: FILE_SYNC_JOB,
    payload: z.object({}).strict(),
    title: () => 'Send and fetch workspace files',
    maxAttempts: 50,
    leaseMs: 120_000,
    async run(_payload, ctx) {
      const now = await live()
      if (!now) return { skipped: 'signed out or no workspace' }
      if (!now.fileSync) return { skipped: 'file sync is off in this workspace' }
      const fetched = await fetchResumes(now.transfer)
      // A viewer reads the workspace's files but may not add to them (the bucket's policy says the same).
      const sent =
        now.role === 'viewer'
          ? { uploaded: 0, missing: 0 }
          : await uploadMissing(now.transfer, (done, total) =>
              ctx.progress(total ? done / total : 1, `Sent ${done} of ${total} files`),
            )
      return { ...fetched, ...sent }
    },
  })

  const removeJob = defineJob({
    kind: FILE_REMOVE_JOB,
    payload: z.object({ hashes }).strict(),
    title: () => 'Remove deleted files from the workspace',
    maxAttempts: 50,
    async run({ hashes: gone }) {
      const now = await live()
      if (!now) return { skipped: 'signed out or no workspace' }
      // The same bytes may still belong to another candidate's file: those stay.
      const kept = new Set(
        (
          await db
            .selectFrom('workspace_files')
            .select('sha256')
            .where('sha256', 'in', gone.length ? gone : [''])
            .where('deleted_at', 'is', null)
            .execute()
        ).map((row) => row.sha256),
      )
      const names = gone.filter((sha) => !kept.has(sha)).map((sha) => objectName(now.transfer.orgId, sha))
      const removed = await now.transfer.bucket.remove(names)
      return { removed: removed.length, kept: kept.size }
    },
  })

  return {
    jobs: [syncJob, removeJob] as JobDefinition<never>[],
    async afterSync() {
      const pending = await db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', FILE_SYNC_JOB)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst()
      if (!pending) await queue.enqueue(db, FILE_SYNC_JOB, {})
    },
    async recordingCopy(recordingId) {
      const now = await live()
      if (!now?.fileSync) return null
      return recordingCopy(now.transfer, recordingId)
    },
    async forget(gone) {
      if (gone.length) await queue.enqueue(db, FILE_REMOVE_JOB, { hashes: [...new Set(gone)] })
    },
    handlers: {
      'files.status': async () => {
        const inWorkspace = await db
          .selectFrom('workspace_files')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
        // Only files on this computer count: a teammate's resume rows arrive without their bytes.
        const resumes = await db
          .selectFrom('resume_files')
          .select('stored_path')
          .where('deleted_at', 'is', null)
          .where('id', 'not in', db.selectFrom('workspace_files').select('source_id'))
          .execute()
        const recordings = await db
          .selectFrom('interview_recordings')
          .select('path')
          .where('status', 'in', ['complete', 'interrupted'])
          .where('id', 'not in', db.selectFrom('workspace_files').select('source_id'))
          .execute()
        const here = await Promise.all([
          ...resumes.map((r) => store.exists(r.stored_path)),
          ...recordings.map((r) =>
            readRecording(r.path).then(
              () => true,
              () => false,
            ),
          ),
        ])
        const notSent = here.filter(Boolean).length
        return { inWorkspace: Number(inWorkspace.n), notSent }
      },
    },
  }
}
