import crypto from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/contract/sync'
import { parseHlc } from '@shared/hlc'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'
import { createFakeServer, type FakeServer } from './fake-server'
import {
  addCandidate,
  call,
  CANDIDATE,
  deleteRow,
  editCandidate,
  snapshot,
  syncNow,
  waitForStatus,
  workspaceStudio,
} from './studios'

/*
 * The sync engine inside real studios (real SQLite files, the real queue), against an in-memory
 * workspace that merges by the same rule as the server. What the server itself does is the
 * convergence test's to check.
 */

const open: Studio[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function twoStudios(): Promise<{ server: FakeServer; workspace: string; a: Studio; b: Studio }> {
  const workspace = crypto.randomUUID()
  const server = createFakeServer(workspace)
  const a = (await workspaceStudio(workspace, { sync: { server } })).studio
  const b = (await workspaceStudio(workspace, { sync: { server } })).studio
  open.push(a, b)
  return { server, workspace, a, b }
}

const unpushed = async (studio: Studio) =>
  (await studio.db.selectFrom('change_log').select('seq').where('pushed', '=', 0).execute()).length

const candidate = (studio: Studio, id: string) =>
  studio.db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirst()

describe('sync engine', () => {
  it('pushes in batches of at most 1,000 and marks changes pushed only once the server answered', async () => {
    const { server, a } = await twoStudios()
    await a.direct.transaction((direct) => {
      for (let i = 0; i < 2500; i++) a.writer.insertNow(direct, 'candidates', { ...CANDIDATE, name: `C${i}` })
    })
    const before = server.pushes
    await syncNow(a)
    expect(server.pushes - before).toBe(3)
    expect(await unpushed(a)).toBe(0)
    expect([...server.rows.keys()].filter((k) => k.startsWith('candidates/'))).toHaveLength(2500)

    // The server applies a push whose answer never arrives: the change stays unpushed, is sent
    // again by the queue's retry, and the server keeps it once.
    const [first] = await a.db.selectFrom('candidates').select('id').limit(1).execute()
    await editCandidate(a, first!.id, { name: 'Renamed' })
    server.loseNextPushAnswer = true
    const logged = server.log.length
    await call(a, 'sync.now')
    await waitForStatus(a, (status) => status.state === 'idle' && status.pending === 0)
    expect(await unpushed(a)).toBe(0)
    expect(server.log.length).toBe(logged + 1)
    expect(server.rows.get(`candidates/${first!.id}`)!.name).toBe('Renamed')
  })

  it('pulls back only what others sent: its own changes are skipped when nothing else lies between', async () => {
    const { server, a, b } = await twoStudios()
    await addCandidate(a, 'Own')
    let pulled = server.pulled
    await syncNow(a)
    expect(server.pulled - pulled).toBe(0)

    // B sends while A is behind: A's next push cannot skip, and A receives B's change.
    const fromB = await addCandidate(b, 'From B')
    await syncNow(b)
    const own = await addCandidate(a, 'Own again')
    pulled = server.pulled
    await syncNow(a)
    expect(server.pulled - pulled).toBeGreaterThanOrEqual(2)
    expect((await candidate(a, fromB))?.name).toBe('From B')
    expect((await candidate(a, own))?.name).toBe('Own again')
  })

  it('never lets a pulled older write overwrite a newer local edit, even one made while the pull was in flight', async () => {
    const { server, a, b } = await twoStudios()
    const id = await addCandidate(a, 'Ada')
    await syncNow(a)
    await syncNow(b)
    expect((await candidate(b, id))?.name).toBe('Ada')

    // A renames first; B renames later, while its pull of A's rename is on the wire.
    await editCandidate(a, id, { name: 'Ada (A)', current_title: 'Engineer' })
    await syncNow(a)
    server.duringNextPull = () => editCandidate(b, id, { name: 'Ada (B)' })
    await syncNow(b)
    const onB = await candidate(b, id)
    expect(onB?.name).toBe('Ada (B)')
    expect(onB?.current_title).toBe('Engineer')

    await syncNow(b)
    await syncNow(a)
    expect(await snapshot(a)).toEqual(await snapshot(b))
    expect((await candidate(a, id))?.name).toBe('Ada (B)')
  })

  it('applies pulled changes without logging them to push back, and later local edits sort after them', async () => {
    const { a, b } = await twoStudios()
    const id = await addCandidate(a, 'Grace')
    await syncNow(a)
    const before = await b.db.selectFrom('change_log').select('seq').execute()
    const changed: unknown[] = []
    b.events.subscribe((name, payload) => name === 'sync.changed' && changed.push(payload))
    await syncNow(b)
    expect(await b.db.selectFrom('change_log').select('seq').execute()).toEqual(before)
    // The screens showing candidates are told to refresh.
    expect(changed).toEqual([{ tables: ['candidates'] }])
    const pulledHlc = (
      await a.db.selectFrom('change_log').select('hlc').where('row_id', '=', id).executeTakeFirstOrThrow()
    ).hlc
    await editCandidate(b, id, { name: 'Grace H.' })
    const local = await b.db.selectFrom('change_log').select('hlc').where('row_id', '=', id).executeTakeFirstOrThrow()
    expect(local.hlc > pulledHlc).toBe(true)
    expect(parseHlc(local.hlc).node).not.toBe(parseHlc(pulledHlc).node)
  })

  it('lets a delete win over edits made elsewhere, in either order, and re-applying changes alters nothing', async () => {
    const { a, b } = await twoStudios()
    const id = await addCandidate(a, 'Linus')
    await syncNow(a)
    await syncNow(b)
    await deleteRow(a, 'candidates', id)
    await editCandidate(b, id, { name: 'Linus T.' })
    await syncNow(b)
    await syncNow(a)
    await syncNow(b)
    const [onA, onB] = [await candidate(a, id), await candidate(b, id)]
    expect(onA?.deleted_at).not.toBeNull()
    expect(onB).toEqual(onA)

    // Pulling everything again from the start (a lost cursor) changes nothing.
    const settled = await snapshot(b)
    await b.db.updateTable('sync_state').set({ cursor: 0 }).execute()
    await syncNow(b)
    expect(await snapshot(b)).toEqual(settled)
  })

  it('ignores columns this version lacks and refuses tables it does not have, without stopping', async () => {
    const { server, workspace, a, b } = await twoStudios()
    const id = await addCandidate(a, 'Barbara')
    await syncNow(a)
    const hlc = (n: number) => `${String(Date.now() + n).padStart(15, '0')}-0000-future`
    const extra = [
      { table: 'pipeline_boards', row_id: 'x1', op: 'insert' as const, fields: { name: 'Board' } },
      { table: 'jobs', row_id: 'x2', op: 'insert' as const, fields: { kind: 'evil', status: 'queued' } },
      { table: 'candidates', row_id: id, op: 'update' as const, fields: { name: 'Barbara L.', nickname: 'B' } },
    ]
    await server.push(
      workspace,
      extra.map((c, i) => ({ ...c, id: hlc(i), hlc: hlc(i) })),
    )
    const status = await syncNow(b)
    expect(status.state).toBe('idle')
    expect((await candidate(b, id))?.name).toBe('Barbara L.')
    expect(await b.db.selectFrom('jobs').select('id').where('kind', '=', 'evil').execute()).toEqual([])
  })

  it('shows offline with the retry time while the workspace cannot be reached, and catches up after', async () => {
    const { server, a } = await twoStudios()
    await addCandidate(a, 'Margaret')
    server.offline = true
    await call(a, 'sync.now')
    const offline = await waitForStatus(a, (s) => s.state === 'offline' && s.retryingAt !== null)
    expect(offline).toMatchObject({ state: 'offline', pending: 1 })
    server.offline = false
    const idle = await waitForStatus(a, (s) => s.state === 'idle' && s.pending === 0)
    expect(idle.lastSyncedAt).not.toBeNull()
  })

  it('still pulls for a viewer, whose own changes stay local and are said to', async () => {
    const { server, a, b } = await twoStudios()
    const id = await addCandidate(a, 'Katherine')
    await syncNow(a)
    server.viewer = true
    await addCandidate(b, 'Not shared')
    const status = await syncNow(b)
    expect(status.state).toBe('error')
    expect(status).toMatchObject({ pending: 1 })
    expect((await candidate(b, id))?.name).toBe('Katherine')
  })

  it('says signed out, and queues nothing, in a studio with no workspace', async () => {
    const { studio } = await createTempStudio()
    open.push(studio)
    const status = await call<SyncStatus>(studio, 'sync.now')
    expect(status).toMatchObject({ state: 'signed-out', account: null, workspace: null, role: null })
    expect(await studio.queue.list()).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ kind: 'sync.run' })]),
    )
  })
})
