import { describe, expect, it } from 'vitest'
import { createHlc, parseHlc } from '@shared/hlc'

describe('hybrid logical clock', () => {
  it('stays monotonic when the wall clock stalls or goes backwards', () => {
    let wall = 1000
    const hlc = createHlc('node-a', () => wall)
    const a = hlc.tick()
    const b = hlc.tick()
    wall = 500
    const c = hlc.tick()
    expect(a < b && b < c).toBe(true)
    expect(parseHlc(c)).toEqual({ millis: 1000, counter: 2, node: 'node-a' })
  })

  it('moves past a remote timestamp from the future', () => {
    const hlc = createHlc('node-a', () => 1000)
    const remote = createHlc('node-b', () => 5000).tick()
    hlc.receive(remote)
    const next = hlc.tick()
    expect(next > remote).toBe(true)
    expect(parseHlc(next).millis).toBe(5000)
  })
})
