import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startWorkspaceServer,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { change, hlcAt, type PushedChange } from './changes'

const unavailable = workspaceServerUnavailable()

interface PushResult {
  cursor: number
  previous_cursor: number
  applied: number
  skipped: number
}

interface PullResult {
  changes: Array<PushedChange & { seq: number; author: string }>
  cursor: number
  more: boolean
}

describe.skipIf(unavailable)(`sync_push and sync_pull${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let recruiter: SignedInUser
  let orgId: string

  beforeAll(async () => {
    server = await startWorkspaceServer()
    recruiter = await server.signUp('sync-recruiter@example.test')
    orgId = (await recruiter.client.rpc('create_organisation', { p_name: 'Sync Co' })).data as string
  })
  afterAll(async () => {
    await server?.stop()
  })

  const push = async (changes: PushedChange[], org = orgId, user = recruiter) => {
    const { data, error } = await user.client.rpc('sync_push', { p_org: org, p_changes: changes })
    if (error) throw new Error(`sync_push: ${error.code} ${error.message}`)
    return data as PushResult
  }
  const pull = async (cursor: number, limit?: number, org = orgId) => {
    const { data, error } = await recruiter.client.rpc('sync_pull', {
      p_org: org,
      p_cursor: cursor,
      ...(limit ? { p_limit: limit } : {}),
    })
    if (error) throw new Error(`sync_pull: ${error.code} ${error.message}`)
    return data as PullResult
  }
  const stored = async (rowId: string, org = orgId) =>
    (
      await server.owner.query('select data, field_hlc, deleted_hlc from sync_rows where org_id = $1 and row_id = $2', [
        org,
        rowId,
      ])
    ).rows[0]

  it('a batch pushed twice is applied once', async () => {
    const rowId = crypto.randomUUID()
    const batch = [
      change('candidates', rowId, 'insert', { id: rowId, name: 'Ada', email: 'ada@example.test' }, hlcAt(1000)),
      change('candidates', rowId, 'update', { name: 'Ada Lovelace' }, hlcAt(1001)),
      change('applications', crypto.randomUUID(), 'insert', { candidate_id: rowId, stage: 'new' }, hlcAt(1002)),
    ]
    const first = await push(batch)
    expect(first).toMatchObject({ applied: 3, skipped: 0 })
    const before = await stored(rowId)
    // The desktop crashed before recording the reply and sends the batch again, with one new change.
    const again = await push([
      ...batch,
      change('candidates', rowId, 'update', { email: 'ada@lovelace.test' }, hlcAt(1003)),
    ])
    expect(again).toMatchObject({ applied: 1, skipped: 3 })
    expect(again.cursor).toBeGreaterThan(first.cursor)
    const { rows } = await server.owner.query(
      'select count(*)::int as n from sync_changes where org_id = $1 and row_id = $2',
      [orgId, rowId],
    )
    expect(rows[0].n).toBe(3)
    expect((await stored(rowId)).data).toEqual({ ...before.data, email: 'ada@lovelace.test' })
  })

  it('each field keeps the value written with the greatest HLC, whatever order changes arrive in', async () => {
    const rowId = crypto.randomUUID()
    const late = hlcAt(2000, 0, 'device-b')
    const early = hlcAt(2000, 0, 'device-a')
    await push([change('candidates', rowId, 'update', { name: 'From B', location: 'Paris' }, late)])
    await push([change('candidates', rowId, 'update', { name: 'From A', email: 'a@example.test' }, early)])
    const row = await stored(rowId)
    // Same millisecond and counter: the node id decides, byte by byte ('device-b' > 'device-a').
    expect(row.data).toEqual({ name: 'From B', location: 'Paris', email: 'a@example.test' })
    expect(row.field_hlc).toEqual({ name: late, location: late, email: early })
    expect(row.deleted_hlc).toBeNull()
  })

  it('HLCs compare byte by byte, not by the database collation', async () => {
    const rowId = crypto.randomUUID()
    // The test database sorts text as en-US does, where 'a' comes before 'B'; in bytes 'B' (0x42) < 'a' (0x61).
    const upper = hlcAt(3000, 0, 'B')
    const lower = hlcAt(3000, 0, 'a')
    await push([change('candidates', rowId, 'update', { name: 'lower wins' }, lower)])
    await push([change('candidates', rowId, 'update', { name: 'upper loses' }, upper)])
    expect((await stored(rowId)).data.name).toBe('lower wins')
    const sameBatch = crypto.randomUUID()
    await push([
      change('candidates', sameBatch, 'update', { name: 'lower wins' }, hlcAt(3001, 0, 'a')),
      change('candidates', sameBatch, 'update', { name: 'upper loses' }, hlcAt(3001, 0, 'B')),
    ])
    expect((await stored(sameBatch)).data.name).toBe('lower wins')
  })

  it('a delete wins over later edits: the row stays deleted', async () => {
    const rowId = crypto.randomUUID()
    await push([
      change('candidate_notes', rowId, 'insert', { id: rowId, body: 'first', deleted_at: null }, hlcAt(4000)),
      change('candidate_notes', rowId, 'delete', { deleted_at: 4001, updated_at: 4001 }, hlcAt(4001)),
    ])
    // Another device, offline, edited the note after the delete and even sent deleted_at: null.
    await push([
      change(
        'candidate_notes',
        rowId,
        'update',
        { body: 'edited', deleted_at: null, updated_at: 4005 },
        hlcAt(4005, 0, 'b'),
      ),
    ])
    const row = await stored(rowId)
    expect(row.deleted_hlc).toBe(hlcAt(4001))
    expect(row.data.deleted_at).toBe(4001)
    expect(row.data.body).toBe('edited')
    expect(row.field_hlc.deleted_at).toBe(hlcAt(4001))
  })

  it('pull pages through the changes in server order, from a cursor', async () => {
    const org = (await recruiter.client.rpc('create_organisation', { p_name: 'Paging Co' })).data as string
    const rowId = crypto.randomUUID()
    const changes = Array.from({ length: 25 }, (_, i) =>
      change('status_changes', rowId, 'update', { to_stage: `stage-${i}` }, hlcAt(5000 + i)),
    )
    const pushed = await push(changes, org)
    const seen: PullResult['changes'] = []
    let cursor = 0
    let pages = 0
    for (;;) {
      const page = await pull(cursor, 10, org)
      pages++
      seen.push(...page.changes)
      expect(page.cursor).toBe(page.changes.at(-1)?.seq ?? cursor)
      cursor = page.cursor
      if (!page.more) break
    }
    expect(pages).toBe(3)
    expect(cursor).toBe(pushed.cursor)
    expect(seen.map((c) => c.id)).toEqual(changes.map((c) => c.id))
    expect(seen[0]).toEqual({ ...changes[0], seq: seen[0]!.seq, author: recruiter.id })
    const seqs = seen.map((c) => c.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    expect(await pull(cursor, 10, org)).toEqual({ changes: [], cursor, more: false })
  })

  it('a puller following the cursor while two devices push at once sees every change exactly once', async () => {
    const org = (await recruiter.client.rpc('create_organisation', { p_name: 'Busy Co' })).data as string
    const colleague = await server.signUp(`colleague-${crypto.randomUUID()}@example.test`)
    const invitation = await recruiter.client.rpc('invite_member', {
      p_org: org,
      p_email: colleague.email,
      p_role: 'recruiter',
    })
    await colleague.client.rpc('accept_invitation', { p_token: (invitation.data as { token: string }).token })
    const device = (user: SignedInUser, node: string) =>
      Array.from({ length: 12 }, (_, batch) =>
        Array.from({ length: 40 }, (_, i) =>
          change('candidates', `${node}-${i}`, 'update', { n: batch }, hlcAt(10_000 + batch, i, node)),
        ),
      ).map((changes) => ({ user, changes }))
    const devices = [device(recruiter, 'a'), device(colleague, 'b')]
    let pushing = true
    const pushes = Promise.all(
      devices.map(async (batches) => {
        for (const { user, changes } of batches) await push(changes, org, user)
      }),
    ).finally(() => (pushing = false))

    const seen: string[] = []
    let cursor = 0
    for (let drained = false; !drained;) {
      const wasPushing = pushing
      const page = await pull(cursor, 100, org)
      seen.push(...page.changes.map((c) => c.id))
      cursor = page.cursor
      // Done once a pull that started after the last push finished has nothing more.
      drained = !wasPushing && !page.more
    }
    await pushes
    const all = devices.flat().flatMap((b) => b.changes.map((c) => c.id))
    expect(seen).toHaveLength(all.length)
    expect(new Set(seen)).toEqual(new Set(all))
  })

  it('the cursor a push returns is the organisation’s own greatest sequence number', async () => {
    const other = (await recruiter.client.rpc('create_organisation', { p_name: 'Other Co' })).data as string
    const mine = await push([change('candidates', crypto.randomUUID(), 'update', { name: 'x' }, hlcAt(6000))])
    await push([change('candidates', crypto.randomUUID(), 'update', { name: 'y' }, hlcAt(6001))], other)
    const unchanged = await push([], orgId)
    expect(unchanged).toEqual({ cursor: mine.cursor, previous_cursor: mine.cursor, applied: 0, skipped: 0 })
    // Sequence numbers are shared by all organisations, so one organisation's have gaps; what came
    // before a push is reported as previous_cursor rather than left to arithmetic.
    const next = await push([change('candidates', crypto.randomUUID(), 'update', { name: 'z' }, hlcAt(6002))])
    expect(next.previous_cursor).toBe(mine.cursor)
    expect(next.cursor - next.previous_cursor).toBeGreaterThan(1)
  })

  it('refuses a table outside the allow-list, an unknown op and a batch over 1,000, storing none of the batch', async () => {
    const rowId = crypto.randomUUID()
    const good = change('candidates', rowId, 'insert', { name: 'kept?' }, hlcAt(7000))
    const cases: Array<[PushedChange[], RegExp]> = [
      [[good, change('jobs', rowId, 'insert', { kind: 'x' }, hlcAt(7001))], /jobs is not a synced table/],
      [[good, { ...change('candidates', rowId, 'update', {}, hlcAt(7002)), op: 'upsert' as never }], /op must be/],
      [[good, { ...change('candidates', rowId, 'update', {}, 'yesterday') }], /not an HLC/],
      [
        Array.from({ length: 1001 }, (_, i) => change('candidates', rowId, 'update', { n: i }, hlcAt(8000 + i))),
        /at most 1000/,
      ],
    ]
    for (const [batch, message] of cases) {
      const { error, status } = await recruiter.client.rpc('sync_push', { p_org: orgId, p_changes: batch })
      expect(status).toBe(400)
      expect(error?.code).toBe('22023')
      expect(error?.message).toMatch(message)
    }
    expect(await stored(rowId)).toBeUndefined()
  })

  it('a batch of exactly 1,000 changes is accepted', async () => {
    const rowId = crypto.randomUUID()
    const batch = Array.from({ length: 1000 }, (_, i) =>
      change('interview_answers', rowId, 'update', { n: i }, hlcAt(9000 + i)),
    )
    expect(await push(batch)).toMatchObject({ applied: 1000, skipped: 0 })
    expect((await stored(rowId)).data).toEqual({ n: 999 })
  })
})
