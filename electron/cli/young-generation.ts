import v8 from 'node:v8'

/** What capYoungGeneration needs of V8; the process's own heap by default. */
export interface HeapControls {
  /** The size V8 gives the young generation ("new_space") at the moment, in bytes. */
  youngSize(): number
  setFlags(flags: string): void
}

const processHeap: HeapControls = {
  youngSize: () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0,
  setFlags: (flags) => v8.setFlagsFromString(flags),
}

/**
 * A check, run after each resume this thread reads, that stops V8 growing its young generation once
 * it reaches `maxBytes`. The command keeps every resume it reads for the ranking, so much of what it
 * allocates survives, and V8 answers by doubling the young generation up to its default ceiling, 32
 * MiB on this thread. That ceiling can only be lowered when a thread starts (the parse workers' is,
 * see parse-pool/pool.ts); the growth factor is read whenever V8 would grow it, so setting it to 1
 * stops the growth where it is. The flag is the process's, so it also holds for the workers, whose
 * own ceiling is lower. With 8 MiB here the young generation ended at 16 MiB (it can double between
 * two checks), and 1,000 files peaked at 141–151 MiB instead of 156–165 for 1–2% more CPU; with 4 MiB
 * it ended at 8 MiB and the run took 8% longer.
 */
export function capYoungGeneration(maxBytes: number, heap: HeapControls = processHeap): () => void {
  let capped = false
  return () => {
    if (capped || heap.youngSize() < maxBytes) return
    heap.setFlags('--semi-space-growth-factor=1')
    capped = true
  }
}
