import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/contract/sync'
import type { Studio } from '@core/studio'
import { startWorkspaceServer, workspaceServerUnavailable, type WorkspaceServer } from '../../harness/supabase'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { budget } from '../../helpers/patience'
import { assessmentWorld, GOOD_ANSWERS, type AssessmentWorld } from '../assessment/world'
import { EMAIL, everyTableText, filesUnder, fullCandidate, NAME, NOTE } from '../rights/rights-world'
import { call, editCandidate, eventually } from './studios'

/*
 * A candidate deleted on request in one studio of a workspace is gone everywhere: from the
 * server's log and merged rows, from a teammate's studio (rows, files, free pages), from an edit
 * a teammate made offline before hearing of it, and from a studio that joins afterwards.
 */

const unavailable = workspaceServerUnavailable()
const PASSWORD = 'correct horse battery staple'
/** What must not survive anywhere: who they are, what the recruiter wrote, what they said. */
const TRACES = [NAME, EMAIL, NOTE, ...GOOD_ANSWERS.map((a) => a.slice(0, 40))]
const OFFLINE_TITLE = `Called back by ${NAME}`

/** Syncs and waits for the queue to settle (the origin's workers run only while it drains). */
async function syncAndSettle(studio: Studio, settle = () => studio.queue.idle()): Promise<SyncStatus> {
  await call(studio, 'sync.now')
  await settle()
  return call<SyncStatus>(studio, 'sync.status')
}

function tracesIn(text: string): string[] {
  return TRACES.filter((trace) => text.includes(trace))
}

describe.skipIf(unavailable)(`erasure across a workspace${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let org: string
  let origin: AssessmentWorld
  const studios: Studio[] = []

  const project = () => ({ url: server.url, anonKey: server.anonKey })
  const join = async (studio: Studio, email: string, settle = () => studio.queue.idle()) => {
    await call(studio, 'sync.signIn', { email, password: PASSWORD })
    await call(studio, 'sync.adopt', { workspaceId: org })
    await settle()
  }
  const drainOrigin = () => origin.drainQueue()
  const teammateStudio = async (email: string) => {
    const opened = await createTempStudio({ dataDir: tempDir(), sync: { project: project(), intervalMs: 3_600_000 } })
    studios.push(opened.studio)
    await join(opened.studio, email)
    return opened
  }
  const serverTraces = async () => {
    const { rows } = await server.owner.query<{ text: string }>(
      `select fields::text as text from sync_changes where org_id = $1
       union all select data::text from sync_rows where org_id = $1
       union all select fields::text from shared_links where org_id = $1`,
      [org],
    )
    return rows.flatMap((r) => tracesIn(r.text))
  }

  beforeAll(async () => {
    server = await startWorkspaceServer()
    const admin = await server.signUp('erasure-a@example.test', PASSWORD)
    org = await server.createOrganisation(admin, 'Erasure Co')
    await server.addMember(admin, org, 'erasure-b@example.test', 'recruiter')
    origin = await assessmentWorld({ studio: { sync: { project: project(), intervalMs: 3_600_000 } } })
    await join(origin.studio, admin.email, drainOrigin)
  }, budget(120_000))

  afterAll(async () => {
    await Promise.all(studios.map((s) => s.close()))
    await origin?.close()
    await server?.stop()
  })

  it('leaves no trace of them on the server, in a teammate’s studio, in an offline edit, or in a studio that joins later', async () => {
    const { candidateId } = await fullCandidate(origin)
    expect(await syncAndSettle(origin.studio, drainOrigin)).toMatchObject({ state: 'idle', pending: 0 })
    await origin.call('sharing.create', {
      candidateId,
      include: { profile: true, contact: true, ranking: false, assessment: true },
      expiresInDays: 7,
    })
    expect(await serverTraces()).toContain(NAME)

    const teammate = await teammateStudio('erasure-b@example.test')
    const pulled = await teammate.studio.db
      .selectFrom('candidates')
      .select('name')
      .where('id', '=', candidateId)
      .executeTakeFirst()
    expect(pulled?.name).toBe(NAME)
    // The teammate edits them before hearing of the deletion; this edit reaches the server after it.
    await editCandidate(teammate.studio, candidateId, { current_title: OFFLINE_TITLE })

    await origin.call('rights.deleteCandidate', { candidateId })
    expect(await syncAndSettle(origin.studio, drainOrigin)).toMatchObject({ state: 'idle', pending: 0 })
    expect(await serverTraces()).toEqual([])
    const links = await server.owner.query('select id from shared_links where org_id = $1', [org])
    expect(links.rows).toEqual([])
    const tombstone = await server.owner.query<{ data: Record<string, unknown>; deleted_hlc: string | null }>(
      `select data, deleted_hlc from sync_rows where org_id = $1 and table_name = 'candidates' and row_id = $2`,
      [org, candidateId],
    )
    expect(tombstone.rows[0]?.deleted_hlc).not.toBeNull()
    expect(Object.keys(tombstone.rows[0]!.data).sort()).toEqual(['deleted_at', 'erased', 'updated_at'])

    // The teammate's sync sends the offline edit, then pulls the erasure; its studio removes them.
    await syncAndSettle(teammate.studio)
    await eventually(async () => {
      const left = await teammate.studio.db
        .selectFrom('candidates')
        .select('id')
        .where('id', '=', candidateId)
        .execute()
      return left.length === 0 ? true : undefined
    })
    await teammate.studio.queue.idle()
    expect(await serverTraces()).toEqual([])
    const texts = await everyTableText({ studio: teammate.studio } as AssessmentWorld)
    for (const [table, text] of texts) expect(tracesIn(text), `${table} still holds them`).toEqual([])
    for (const file of filesUnder(teammate.dataDir)) {
      const bytes = fs.readFileSync(path.join(teammate.dataDir, file)).toString('latin1')
      expect(tracesIn(bytes), `${file} still holds them`).toEqual([])
    }
    // Its own sync has nothing left to send about them: the erasure wrote no tombstones of its own.
    expect(await call<SyncStatus>(teammate.studio, 'sync.status')).toMatchObject({ pending: 0 })

    // A studio that joins afterwards pulls the whole log and never sees them.
    const later = await teammateStudio('erasure-b@example.test')
    const seen = await later.studio.db.selectFrom('candidates').select('id').where('id', '=', candidateId).execute()
    expect(seen).toEqual([])
    for (const [table, text] of await everyTableText({ studio: later.studio } as AssessmentWorld))
      expect(tracesIn(text), `${table} of the later studio`).toEqual([])
  })
})
