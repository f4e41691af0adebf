/**
 * The server half of a first sync, measured through supabase-js against real Postgres: 10,000
 * candidates with an application and a note each (30,000 insert changes) pushed in batches of
 * 1,000, the same batches re-sent (all skipped), everything pulled back in pages of 1,000, and 100
 * small edits pushed and pulled. Prints the times and the machine's load average.
 *
 *   node --import tsx tests/harness/supabase/bench-server-sync.ts
 */
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { formatHlc } from '../../../shared/hlc'
import { startWorkspaceServer } from './index'

interface Change {
  id: string
  table: string
  row_id: string
  op: 'insert' | 'update'
  hlc: string
  fields: Record<string, unknown>
}

const CANDIDATES = 10_000
const BATCH = 1000

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`

async function main() {
  const server = await startWorkspaceServer()
  try {
    const user = await server.signUp('bench@example.test')
    const org = (await user.client.rpc('create_organisation', { p_name: 'Bench' })).data as string
    let millis = Date.now()
    const next = (table: string, rowId: string, op: Change['op'], fields: Record<string, unknown>): Change => {
      const hlc = formatHlc({ millis: millis++, counter: 0, node: 'bench-device' })
      return { id: hlc, table, row_id: rowId, op, hlc, fields }
    }
    const changes: Change[] = []
    for (let i = 0; i < CANDIDATES; i++) {
      const [candidate, application, note] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
      const base = { org_id: org, created_at: millis, updated_at: millis, deleted_at: null }
      changes.push(
        next('candidates', candidate, 'insert', {
          ...base,
          id: candidate,
          name: `Candidate ${i}`,
          email: `c${i}@example.test`,
          location: 'London',
          headline: 'Senior engineer with ten years of experience',
        }),
        next('applications', application, 'insert', {
          ...base,
          id: application,
          candidate_id: candidate,
          stage: 'new',
        }),
        next('candidate_notes', note, 'insert', {
          ...base,
          id: note,
          candidate_id: candidate,
          body: 'Follow up on the take-home.',
        }),
      )
    }
    const pushAll = async (expect: 'applied' | 'skipped') => {
      for (let i = 0; i < changes.length; i += BATCH) {
        const { data, error } = await user.client.rpc('sync_push', {
          p_org: org,
          p_changes: changes.slice(i, i + BATCH),
        })
        if (error) throw new Error(`sync_push: ${error.message}`)
        if ((data as Record<string, number>)[expect] !== Math.min(BATCH, changes.length - i)) {
          throw new Error(`sync_push did not report every change as ${expect}`)
        }
      }
    }

    let started = performance.now()
    await pushAll('applied')
    console.log(`push ${changes.length} changes in batches of ${BATCH}: ${seconds(started)}`)
    started = performance.now()
    await pushAll('skipped')
    console.log(`re-push of the same ${changes.length} (all skipped): ${seconds(started)}`)

    started = performance.now()
    let cursor = 0
    let pulled = 0
    for (let more = true; more;) {
      const { data, error } = await user.client.rpc('sync_pull', { p_org: org, p_cursor: cursor, p_limit: BATCH })
      if (error) throw new Error(`sync_pull: ${error.message}`)
      const page = data as { changes: unknown[]; cursor: number; more: boolean }
      pulled += page.changes.length
      cursor = page.cursor
      more = page.more
    }
    console.log(`pull ${pulled} changes in pages of ${BATCH}: ${seconds(started)}`)

    const edits = changes
      .filter((c) => c.table === 'applications')
      .slice(0, 100)
      .map((c) => next('applications', c.row_id, 'update', { stage: 'screen', updated_at: millis }))
    started = performance.now()
    await user.client.rpc('sync_push', { p_org: org, p_changes: edits })
    const back = await user.client.rpc('sync_pull', { p_org: org, p_cursor: cursor, p_limit: 500 })
    const count = (back.data as { changes: unknown[] }).changes.length
    console.log(`100 edits pushed and pulled back (${count}): ${(performance.now() - started).toFixed(0)} ms`)
    console.log(
      `load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${os.availableParallelism()} cores`,
    )
  } finally {
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
