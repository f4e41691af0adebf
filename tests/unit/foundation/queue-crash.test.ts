import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-studio'

const child = path.join(__dirname, 'fixtures/queue-child.ts')

function run(dataDir: string, mode: string) {
  return spawn(process.execPath, ['--import', 'tsx', child, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] })
}

function waitForLine(proc: ReturnType<typeof run>, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    proc.stderr!.on('data', (d) => (err += d))
    proc.stdout!.on('data', (d) => {
      out += d
      if (out.includes(marker)) resolve()
    })
    proc.on('exit', (code) => reject(new Error(`child exited ${code} before ${marker}: ${err}`)))
  })
}

async function resume(dataDir: string) {
  const proc = run(dataDir, 'resume')
  let out = ''
  let err = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (err += d))
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve))
  expect(code, err).toBe(0)
  return JSON.parse(out.trim().split('\n').pop()!) as {
    jobs: { status: string; attempts: number }[]
    counter: number
  }
}

async function killHard(proc: ReturnType<typeof run>) {
  const exited = new Promise((resolve) => proc.on('exit', resolve))
  proc.kill('SIGKILL')
  await exited
}

describe('queue survives SIGKILL', () => {
  it('re-runs a job killed after its effect without applying the effect twice', async () => {
    const dataDir = tempDir()
    const proc = run(dataDir, 'hang-after-apply')
    await waitForLine(proc, 'APPLIED')
    await killHard(proc)
    const outcome = await resume(dataDir)
    expect(outcome.jobs).toHaveLength(1)
    expect(outcome.jobs[0]!.status).toBe('succeeded')
    expect(outcome.jobs[0]!.attempts).toBe(2)
    expect(outcome.counter).toBe(5)
  })

  it('runs a job killed before its effect again, and applies it once', async () => {
    const dataDir = tempDir()
    const proc = run(dataDir, 'hang-before-apply')
    await waitForLine(proc, 'STARTED')
    await killHard(proc)
    const outcome = await resume(dataDir)
    expect(outcome.jobs[0]!.status).toBe('succeeded')
    expect(outcome.counter).toBe(5)
  })
})
