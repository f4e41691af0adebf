/**
 * Hybrid logical clock timestamps: wall time, a counter for events within the same millisecond or
 * when the wall clock goes backwards, and the node id to break ties. The string form sorts in
 * causal order, so the sync engine can merge by plain string comparison.
 */
export interface HlcState {
  millis: number
  counter: number
  node: string
}

const MAX_COUNTER = 0xffff

export function formatHlc(state: HlcState): string {
  return `${state.millis.toString().padStart(15, '0')}-${state.counter.toString(16).padStart(4, '0')}-${state.node}`
}

export function parseHlc(text: string): HlcState {
  const match = /^(\d{15})-([0-9a-f]{4})-(.+)$/.exec(text)
  if (!match) throw new Error(`Not an HLC timestamp: ${text}`)
  return { millis: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! }
}

export interface Hlc {
  /** A timestamp for a local event, greater than every one issued or received before. */
  tick(): string
  /** Advances past a remote timestamp so later local events sort after it. */
  receive(remote: string): void
}

export function createHlc(node: string, now: () => number): Hlc {
  let last: HlcState = { millis: 0, counter: 0, node }
  const advance = (millis: number, counter: number) => {
    if (counter > MAX_COUNTER) throw new Error('HLC counter overflow: clock drift too large')
    last = { millis, counter, node }
  }
  return {
    tick() {
      const wall = now()
      if (wall > last.millis) advance(wall, 0)
      else advance(last.millis, last.counter + 1)
      return formatHlc(last)
    },
    receive(remote) {
      const r = parseHlc(remote)
      const wall = now()
      const millis = Math.max(wall, last.millis, r.millis)
      let counter = 0
      if (millis === last.millis && millis === r.millis) counter = Math.max(last.counter, r.counter) + 1
      else if (millis === last.millis) counter = last.counter + 1
      else if (millis === r.millis) counter = r.counter + 1
      advance(millis, counter)
    },
  }
}
