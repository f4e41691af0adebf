import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-studio'
import { writeFixtureFolder } from '../../fixtures/resumes'

const child = path.join(__dirname, 'fixtures/intake-child.ts')

function run(...args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
}

describe('an intake batch killed half-way', () => {
  it('resumes after a restart without redoing settled files or importing any file twice', async () => {
    const dataDir = tempDir()
    const folder = tempDir('panelist-crash-resumes-')
    const manifest = await writeFixtureFolder(folder, { count: 30, formats: ['pdf', 'docx', 'txt'] })

    const first = run('start', dataDir, folder)
    let err = ''
    first.stderr!.on('data', (d) => (err += d))
    const doneBeforeKill = await new Promise<number>((resolve, reject) => {
      let out = ''
      first.stdout!.on('data', (d) => {
        out += d
        const counts = [...out.matchAll(/DONE (\d+)/g)].map((m) => Number(m[1]))
        if (counts.some((n) => n >= 6)) resolve(Math.max(...counts))
      })
      first.on('exit', (code) => reject(new Error(`child exited ${code} early: ${err}`)))
    })
    const exited = new Promise((resolve) => first.on('exit', resolve))
    first.kill('SIGKILL')
    await exited
    expect(doneBeforeKill).toBeLessThan(manifest.length)

    const second = run('resume', dataDir)
    let out = ''
    let err2 = ''
    second.stdout!.on('data', (d) => (out += d))
    second.stderr!.on('data', (d) => (err2 += d))
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve))
    expect(code, err2).toBe(0)
    const state = JSON.parse(out.trim().split('\n').pop()!) as {
      parsed: number
      items: { name: string; outcome: string; candidate_id: string | null }[]
      candidates: number
      files: string[]
      jobs: { status: string; attempts: number }[]
    }
    expect(state.items).toHaveLength(manifest.length)
    // Files settled before the kill are not read again; only the rest (and any in flight) are.
    expect(state.parsed).toBeLessThanOrEqual(manifest.length - doneBeforeKill)
    expect(state.parsed).toBeGreaterThan(0)
    expect(state.items.every((i) => i.outcome === 'imported')).toBe(true)
    expect(state.candidates).toBe(manifest.length)
    expect(new Set(state.files).size).toBe(state.files.length)
    expect(state.files).toHaveLength(manifest.length)
    expect(state.jobs).toEqual([{ status: 'succeeded', attempts: 2 }])
  }, 120_000)
})
