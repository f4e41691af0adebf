import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clocksOf, isDeleted, mergeChange, type FieldWrites } from '@core/sync/merge'
import { formatHlc } from '@shared/hlc'

const hlc = (millis: number, node = 'aaaa') => formatHlc({ millis, counter: 0, node })

describe('the per-field HLC merge rule', () => {
  it('lets an older write lose to a newer one, field by field', () => {
    const clocks = { name: hlc(20), email: hlc(5) }
    const { wins, clocks: after } = mergeChange(
      { op: 'update', hlc: hlc(10), fields: { name: 'Old', email: 'new@x.test' } },
      clocks,
    )
    expect(wins).toEqual({ email: 'new@x.test' })
    expect(after).toEqual({ name: hlc(20), email: hlc(10) })
  })

  it('applies a change once: the same change again wins nothing', () => {
    const change = { op: 'insert' as const, hlc: hlc(10), fields: { name: 'Ada', updated_at: 10 } }
    const first = mergeChange(change, {})
    expect(first.wins).toEqual(change.fields)
    expect(mergeChange(change, first.clocks).wins).toEqual({})
  })

  it('keeps a deleted row deleted: only a delete writes deleted_at, so a later insert or update never revives it', () => {
    const deleted = mergeChange({ op: 'delete', hlc: hlc(10), fields: { deleted_at: 10, updated_at: 10 } }, {}).clocks
    expect(isDeleted(deleted)).toBe(true)
    const later = mergeChange({ op: 'insert', hlc: hlc(30), fields: { deleted_at: null, name: 'Back' } }, deleted)
    expect(later.wins).toEqual({ name: 'Back' })
    expect(isDeleted(later.clocks)).toBe(true)
    expect(mergeChange({ op: 'update', hlc: hlc(5), fields: { deleted_at: 99 } }, {}).wins).toEqual({})
  })

  it('breaks a tie in time by node, so two studios agree on the winner', () => {
    const a = { op: 'update' as const, hlc: hlc(10, 'aaaa'), fields: { name: 'A' } }
    const b = { op: 'update' as const, hlc: hlc(10, 'bbbb'), fields: { name: 'B' } }
    expect(mergeChange(a, mergeChange(b, {}).clocks).wins).toEqual({})
    expect(mergeChange(b, mergeChange(a, {}).clocks).wins).toEqual({ name: 'B' })
  })

  it('ends the same whatever order the changes arrive in, and with repeats', () => {
    const change = fc.record({
      op: fc.constantFrom('insert' as const, 'update' as const, 'delete' as const),
      hlc: fc.integer({ min: 1, max: 50 }).chain((m) => fc.constantFrom(hlc(m, 'aaaa'), hlc(m, 'bbbb'))),
      fields: fc.dictionary(
        fc.constantFrom('name', 'email', 'deleted_at', 'status'),
        fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 9 })),
      ),
    })
    // Values are a function of (hlc, field) as they are in practice: one change, one value per field.
    const consistent = (changes: FieldWrites[]) => {
      const byHlc = new Map<string, FieldWrites>()
      for (const c of changes) byHlc.set(c.hlc, byHlc.get(c.hlc) ?? c)
      return changes.map((c) => byHlc.get(c.hlc)!)
    }
    const materialise = (changes: FieldWrites[]) => {
      let clocks = {}
      const row: Record<string, unknown> = {}
      for (const c of changes) {
        const merged = mergeChange(c, clocks)
        Object.assign(row, merged.wins)
        clocks = merged.clocks
      }
      return { row, clocks }
    }
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), fc.integer(), (raw, seed) => {
        const changes = consistent(raw)
        const shuffled = [...changes, ...changes.slice(0, 3)]
          .map((c, i) => ({ c, k: (i * 7919 + seed) % 101 }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.c)
        expect(materialise(shuffled)).toEqual(materialise(changes))
        expect(clocksOf(shuffled)).toEqual(clocksOf(changes))
      }),
      { seed: 1612, numRuns: process.env.PANELIST_LONG_PROPERTIES === '1' ? 20_000 : 500 },
    )
  })
})
