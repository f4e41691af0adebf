/**
 * Team sync's two figures (issue 16), against the real server: Postgres with supabase/migrations
 * behind the Supabase stand-in (tests/harness/supabase), reached through supabase-js as the app
 * does. (1) First sync of N candidates, each with an application and a note: studio A sends them
 * all, then studio B, a second member of the workspace, receives them all. (2) The round trip of
 * E small edits: A renames E candidates, sends, and B has them. Targets on this machine: first
 * sync ≤ 20 s, 100 edits ≤ 1 s.
 * Run: npx tsx bench/sync.ts [N=10000] [E=100]
 */
import { performance } from 'node:perf_hooks'
import type { Studio } from '@core/studio'
import type { SyncStatus } from '@shared/contract/sync'
import { startWorkspaceServer, workspaceServerUnavailable } from '../tests/harness/supabase'
import { createTempStudio } from '../tests/helpers/temp-studio'

const count = Number(process.argv[2] ?? 10_000)
const edits = Number(process.argv[3] ?? 100)
const PASSWORD = 'correct horse battery staple'

async function call<T>(studio: Studio, name: string, input: object = {}): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

/** One sync through the queue, as Sync now runs it; resolves when it has finished (retries included). */
async function syncNow(studio: Studio): Promise<SyncStatus> {
  await call(studio, 'sync.now')
  for (;;) {
    const open = await studio.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'sync.run')
      .where('status', 'in', ['queued', 'running'])
      .execute()
    if (open.length === 0) return call<SyncStatus>(studio, 'sync.status')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const CANDIDATE = {
  email: null,
  phone: null,
  email_key: null,
  phone_key: null,
  links: '[]',
  current_title: 'Engineer',
  total_years: 4,
  education_level: 'bachelor',
  tags: '["typescript"]',
  current_file_id: null,
}

function seed(studio: Studio, n: number): Promise<string[]> {
  return studio.direct.transaction((direct) => {
    const jobId = studio.writer.insertNow(direct, 'job_openings', {
      title: 'Backend engineer',
      department: 'Engineering',
      location: 'Remote',
      employment_type: 'full-time',
      salary_min: null,
      salary_max: null,
      salary_currency: 'EUR',
      description: 'Builds the sync engine',
      requirements: '',
      required_skills: '[]',
      preferred_skills: '[]',
      min_years: 2,
      education_level: 'bachelor',
      weights: '{}',
      status: 'open',
    })
    const ids: string[] = []
    for (let i = 0; i < n; i++) {
      const id = studio.writer.insertNow(direct, 'candidates', { ...CANDIDATE, name: `Candidate ${i}` })
      studio.writer.insertNow(direct, 'applications', { job_id: jobId, candidate_id: id, status: 'new' })
      studio.writer.insertNow(direct, 'candidate_notes', { candidate_id: id, job_id: jobId, body: `Note about ${i}` })
      ids.push(id)
    }
    return ids
  })
}

async function main() {
  const unavailable = workspaceServerUnavailable()
  if (unavailable) throw new Error(`The workspace server cannot start here: ${unavailable}`)
  const server = await startWorkspaceServer()
  const admin = await server.signUp('bench-a@example.test', PASSWORD)
  const org = (await admin.client.rpc('create_organisation', { p_name: 'Bench Co' })).data as string
  const invited = await admin.client.rpc('invite_member', {
    p_org: org,
    p_email: 'bench-b@example.test',
    p_role: 'recruiter',
  })
  const member = await server.signUp('bench-b@example.test', PASSWORD)
  await member.client.rpc('accept_invitation', { p_token: (invited.data as { token: string }).token })

  // Time spent waiting on each RPC, to tell the server's share from the studio's.
  const onWire = new Map<string, number>()
  const timedFetch: typeof fetch = async (input, init) => {
    const name = String(input instanceof Request ? input.url : input).split('/rpc/')[1] ?? 'auth'
    const t = performance.now()
    try {
      return await fetch(input, init)
    } finally {
      onWire.set(name, (onWire.get(name) ?? 0) + performance.now() - t)
    }
  }
  const project = { url: server.url, anonKey: server.anonKey, fetch: timedFetch }
  const studios: Studio[] = []
  for (const email of [admin.email, member.email]) {
    const { studio } = await createTempStudio({ sync: { project, intervalMs: 3_600_000 } })
    await call(studio, 'sync.signIn', { email, password: PASSWORD })
    await call(studio, 'sync.adopt', { workspaceId: org })
    await syncNow(studio)
    studios.push(studio)
  }
  const [a, b] = studios as [Studio, Studio]

  const ids = await seed(a, count)
  onWire.clear()
  const pending = (await call<SyncStatus>(a, 'sync.status')).pending
  let started = performance.now()
  const sent = await syncNow(a)
  const pushMs = performance.now() - started
  started = performance.now()
  await syncNow(b)
  const pullMs = performance.now() - started
  const wire = { push: onWire.get('sync_push') ?? 0, pull: onWire.get('sync_pull') ?? 0 }
  const received = await b.db
    .selectFrom('candidates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (sent.state !== 'idle' || Number(received.n) < count) throw new Error('the first sync did not complete')

  await a.db.transaction().execute(async (trx) => {
    for (const id of ids.slice(0, edits))
      await a.writer.update(trx, 'candidates', id, { current_title: 'Staff engineer' })
  })
  started = performance.now()
  await syncNow(a)
  await syncNow(b)
  const roundTripMs = performance.now() - started
  const edited = await b.db
    .selectFrom('candidates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('current_title', '=', 'Staff engineer')
    .executeTakeFirstOrThrow()
  if (Number(edited.n) !== edits) throw new Error(`B has ${edited.n} of the ${edits} edits`)

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`first sync of ${count} candidates with an application and a note each (${pending} changes):`)
  console.log(`  A sends:    ${s(pushMs)}  (of which waiting for sync_push: ${s(wire.push)})`)
  console.log(`  B receives: ${s(pullMs)}  (of which waiting for sync_pull: ${s(wire.pull)})`)
  console.log(`  total:      ${s(pushMs + pullMs)}  (target ≤ 20 s)`)
  console.log(`round trip of ${edits} small edits (A sends, B receives): ${s(roundTripMs)}  (target ≤ 1 s)`)

  await Promise.all(studios.map((studio) => studio.close()))
  await server.stop()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
