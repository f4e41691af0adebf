import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { capYoungGeneration } from '../../../electron/cli/young-generation'

const MiB = 1024 * 1024

describe('capYoungGeneration', () => {
  it('stops the growth once, when the young generation reaches the cap', () => {
    const flags: string[] = []
    let size = 2 * MiB
    const check = capYoungGeneration(8 * MiB, { youngSize: () => size, setFlags: (f) => flags.push(f) })
    check()
    expect(flags).toEqual([])
    size = 8 * MiB
    check()
    size = 16 * MiB
    check()
    expect(flags).toEqual(['--semi-space-growth-factor=1'])
  })

  // In a process of its own, as the flag is the whole process's: a thread that keeps what it
  // allocates grows its young generation to V8's ceiling unless the check stops it.
  const youngSizeAfterKeeping = (capped: boolean) => {
    const module = path.resolve(__dirname, '../../../electron/cli/young-generation.ts')
    const script = `
      const v8 = require('node:v8')
      const { capYoungGeneration } = require(${JSON.stringify(module)})
      const check = ${capped} ? capYoungGeneration(4 * 1024 * 1024) : () => {}
      const kept = []
      for (let i = 0; i < 400_000; i++) {
        kept.push({ i, text: 'word ' + i, list: [i, i + 1] })
        if (i % 1_000 === 0) check()
      }
      const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
      process.stdout.write(String(young.space_size))
    `
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' })
    return Number(out)
  }

  it("keeps a real V8's young generation at the cap", () => {
    const free = youngSizeAfterKeeping(false)
    const capped = youngSizeAfterKeeping(true)
    expect(free).toBeGreaterThan(4 * MiB)
    expect(capped).toBeLessThanOrEqual(4 * MiB)
  })
})
