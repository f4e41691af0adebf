import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startWorkspaceServer,
  workspaceServerUnavailable,
  type SignedInUser,
  type WorkspaceServer,
} from '../../harness/supabase'
import { budget } from '../../helpers/patience'
import { change, hlcAt, mergeInHlcOrder, type MergedRow, type PushedChange } from './changes'

const unavailable = workspaceServerUnavailable()
const LONG = process.env.PANELIST_LONG_PROPERTIES === '1'
const SEED = 20261204

const BASE_MILLIS = 1_764_800_000_000

/** One device's edits: each step advances its clock by 0-2 ms (0 bumps the HLC counter instead). */
const deviceEdits = (node: string) =>
  fc
    .array(
      fc.record({
        row: fc.integer({ min: 0, max: 2 }),
        table: fc.constantFrom('candidates', 'applications'),
        op: fc.constantFrom('insert', 'update', 'update', 'delete'),
        fields: fc.record(
          {
            name: fc.string({ maxLength: 4 }),
            stage: fc.constantFrom('new', 'screen', 'offer'),
            score: fc.integer({ min: 0, max: 100 }),
            // An edit may carry deleted_at: null (an insert always does); the merge ignores it.
            deleted_at: fc.constant(null),
          },
          { requiredKeys: [] },
        ),
        step: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((edits) => {
      let millis = BASE_MILLIS
      let counter = 0
      return edits.map((edit): PushedChange => {
        if (edit.step === 0) counter++
        else {
          millis += edit.step
          counter = 0
        }
        const hlc = hlcAt(millis, counter, node)
        const fields =
          edit.op === 'delete' ? { deleted_at: millis, updated_at: millis } : { ...edit.fields, updated_at: millis }
        return change(edit.table, `row-${edit.row}`, edit.op as PushedChange['op'], fields, hlc)
      })
    })

/** Both devices' changes, the order they reach the server in, which are sent twice, and the batch sizes. */
// Node ids that byte order and the database's en-US collation sort differently ('D' < 'd' in bytes,
// 'device-a' < 'Device-B' in en-US), so a comparison that forgets `collate "C"` shows.
const scenario = fc.tuple(deviceEdits('device-a'), deviceEdits('Device-B')).chain(([a, b]) => {
  const changes = [...a, ...b]
  const indexes = changes.map((_, i) => i)
  return fc.record({
    changes: fc.constant(changes),
    order: fc.shuffledSubarray(indexes, { minLength: changes.length, maxLength: changes.length }),
    resent: fc.subarray(indexes),
    batchSizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
  })
})

function batchesOf<T>(items: T[], sizes: number[]): T[][] {
  const batches: T[][] = []
  for (let at = 0, i = 0; at < items.length; i++) {
    const size = sizes[i % sizes.length]!
    batches.push(items.slice(at, at + size))
    at += size
  }
  return batches
}

describe.skipIf(unavailable)(`convergence of sync_push${unavailable ? ` [${unavailable}]` : ''}`, () => {
  let server: WorkspaceServer
  let recruiter: SignedInUser

  beforeAll(async () => {
    server = await startWorkspaceServer()
    recruiter = await server.signUp('property@example.test')
  })
  afterAll(async () => {
    await server?.stop()
  })

  it(
    'two devices’ edits pushed in any interleaving, with re-sent batches, merge to what applying them in HLC order gives',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ changes, order, resent, batchSizes }) => {
          const org = (await recruiter.client.rpc('create_organisation', { p_name: 'Property Co' })).data as string
          const arrivals = [...order, ...resent].map((i) => changes[i]!)
          let applied = 0
          for (const batch of batchesOf(arrivals, batchSizes)) {
            const { data, error } = await recruiter.client.rpc('sync_push', { p_org: org, p_changes: batch })
            if (error) throw new Error(`sync_push: ${error.message}`)
            applied += (data as { applied: number }).applied
          }
          expect(applied).toBe(changes.length)

          const { rows } = await server.owner.query<MergedRow & { table_name: string; row_id: string }>(
            'select table_name, row_id, data, field_hlc, deleted_hlc from sync_rows where org_id = $1',
            [org],
          )
          const merged = new Map(rows.map(({ table_name, row_id, ...row }) => [`${table_name}/${row_id}`, row]))
          expect(Object.fromEntries(merged)).toEqual(Object.fromEntries(mergeInHlcOrder(changes)))
        }),
        { seed: SEED, numRuns: LONG ? 500 : 25, endOnFailure: true },
      )
    },
    budget(LONG ? 600_000 : 60_000),
  )
})
