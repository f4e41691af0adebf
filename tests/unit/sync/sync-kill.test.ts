import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/contract/sync'
import type { Studio } from '@core/studio'
import { startWorkspaceServer, workspaceServerUnavailable, type WorkspaceServer } from '../../harness/supabase'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { budget } from '../../helpers/patience'
import { call, snapshot } from './studios'

/*
 * Sync survives a real SIGKILL: a studio process is killed just after the workspace answered one
 * of its pushes (2,500 new candidates go in three batches), and another is killed just after it
 * received a page of its first pull (100 changes a page). Each reopens from its data folder and
 * syncs on; both end with the same rows as each other and the server, with no change stored twice.
 */

const unavailable = workspaceServerUnavailable()
const PASSWORD = 'correct horse battery staple'
const CANDIDATES = 2_500
const CHILD = path.join(__dirname, 'fixtures/sync-child.ts')

describe.skipIf(unavailable)(`sync killed with SIGKILL${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let org: string
  const open: Studio[] = []

  const studioAt = async (dataDir: string) => {
    const { studio } = await createTempStudio({
      dataDir,
      sync: { project: { url: server.url, anonKey: server.anonKey }, intervalMs: 3_600_000 },
    })
    open.push(studio)
    return studio
  }
  const close = async (studio: Studio) => {
    open.splice(open.indexOf(studio), 1)
    await studio.close()
  }
  /** A studio signed in and adopted into the workspace, then closed: the child process takes it from there. */
  const joined = async (email: string) => {
    const dataDir = tempDir()
    const studio = await studioAt(dataDir)
    await call(studio, 'sync.signIn', { email, password: PASSWORD })
    await call(studio, 'sync.adopt', { workspaceId: org })
    await studio.queue.idle()
    await close(studio)
    return dataDir
  }
  /** Syncs until nothing is left to send and the last run reached the server. */
  const syncedUp = async (studio: Studio) => {
    for (let run = 0; run < 5; run++) {
      await call(studio, 'sync.now')
      await studio.queue.idle()
      const status = await call<SyncStatus>(studio, 'sync.status')
      if (status.state === 'idle' && status.pending === 0) return status
    }
    throw new Error(`sync did not settle: ${JSON.stringify(await call(studio, 'sync.status'))}`)
  }

  /** Runs the child and SIGKILLs it as soon as it prints `ANSWERED <rpc> <n>`. */
  const killAfterAnswer = (dataDir: string, rpc: string, n: number, candidates: number) =>
    new Promise<void>((resolve, reject) => {
      const child: ChildProcess = spawn(
        process.execPath,
        ['--import', 'tsx', CHILD, dataDir, server.url, server.anonKey, rpc, String(candidates)],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let out = ''
      let err = ''
      child.stderr!.on('data', (d: Buffer) => (err += d))
      child.stdout!.on('data', (d: Buffer) => {
        out += d
        if (out.includes(`ANSWERED ${rpc} ${n}\n`)) child.kill('SIGKILL')
      })
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`the child exited (${code}) before the kill: ${err}`)),
      )
    })

  const serverCandidates = async () => {
    const rows = await server.owner.query<{ rows: string; changes: string; distinct_changes: string }>(
      `select (select count(*) from sync_rows where org_id = $1 and table_name = 'candidates') as rows,
              (select count(*) from sync_changes where org_id = $1 and table_name = 'candidates') as changes,
              (select count(distinct change_id) from sync_changes where org_id = $1 and table_name = 'candidates') as distinct_changes`,
      [org],
    )
    return rows.rows[0]!
  }

  beforeAll(async () => {
    server = await startWorkspaceServer()
    const admin = await server.signUp('killed-a@example.test', PASSWORD)
    org = await server.createOrganisation(admin, 'Killed Co')
    await server.addMember(admin, org, 'killed-b@example.test', 'recruiter')
  }, budget(120_000))

  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()))
    await server?.stop()
  })

  it(
    'a studio killed mid-push and one killed mid-pull end identical to each other and to the server',
    async () => {
      // Both join while the workspace is empty, so B's first pull is the one killed below.
      const dataA = await joined('killed-a@example.test')
      const dataB = await joined('killed-b@example.test')
      // A adds 2,500 candidates and is killed just after the workspace answered its second push.
      await killAfterAnswer(dataA, 'sync_push', 2, CANDIDATES)
      // The kill landed mid-push: some candidates reached the workspace, not all.
      const partial = Number((await serverCandidates()).rows)
      expect(partial).toBeGreaterThan(0)
      expect(partial).toBeLessThan(CANDIDATES)
      const a = await studioAt(dataA)
      await syncedUp(a)
      expect(await serverCandidates()).toEqual({
        rows: String(CANDIDATES),
        changes: String(CANDIDATES),
        distinct_changes: String(CANDIDATES),
      })

      // B is killed just after the third page of its first pull arrived: it holds some of them.
      await killAfterAnswer(dataB, 'sync_pull', 3, 0)
      const left = new Database(path.join(dataB, 'panelist.sqlite'))
      const pulled = (left.prepare('select count(*) as n from candidates').get() as { n: number }).n
      left.close()
      expect(pulled).toBeLessThan(CANDIDATES)
      const b = await studioAt(dataB)
      await syncedUp(b)

      const fromA = await snapshot(a)
      const fromB = await snapshot(b)
      expect(fromA.candidates).toHaveLength(CANDIDATES)
      expect(fromB).toEqual(fromA)
    },
    budget(300_000),
  )
})
