import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EngineTurn } from '@core/interviews/engine/turn-view'
import { budget } from '../../helpers/patience'
import { tempDir } from '../../helpers/temp-studio'

const child = path.join(__dirname, 'child/interview-child.ts')

interface Resumed {
  turn: EngineTurn
  answers: { id: string; turn_index: number; text: string; quality_source: string | null }[]
}

function run(dataDir: string, mode: string, sessionId?: string) {
  return spawn(process.execPath, ['--import', 'tsx', child, dataDir, mode, ...(sessionId ? [sessionId] : [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams
}

/** Collects the child's `EVENT {json}` lines; resolves at the n-th line of the given event. */
function watch(proc: ChildProcessWithoutNullStreams) {
  const lines: { event: string; data: Record<string, unknown> }[] = []
  let err = ''
  let buffer = ''
  const waiters: { event: string; count: number; resolve: (data: Record<string, unknown>) => void }[] = []
  const check = () => {
    for (const waiter of [...waiters]) {
      const seen = lines.filter((l) => l.event === waiter.event)
      if (seen.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(seen[waiter.count - 1]!.data)
      }
    }
  }
  proc.stderr.on('data', (d) => (err += d))
  proc.stdout.on('data', (d) => {
    buffer += d
    let newline: number
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      const space = line.indexOf(' ')
      lines.push({ event: line.slice(0, space), data: JSON.parse(line.slice(space + 1)) })
    }
    check()
  })
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve))
  return {
    lines,
    exited,
    stderr: () => err,
    until(event: string, count = 1): Promise<Record<string, unknown>> {
      return new Promise((resolve, reject) => {
        waiters.push({ event, count, resolve })
        check()
        void exited.then((code) => reject(new Error(`child exited ${code} before ${event}: ${err}`)))
      })
    },
  }
}

async function killHard(proc: ChildProcessWithoutNullStreams, watcher: ReturnType<typeof watch>) {
  proc.kill('SIGKILL')
  expect(await watcher.exited).toBeNull()
}

async function resume(dataDir: string, sessionId: string): Promise<Resumed> {
  const proc = run(dataDir, 'resume', sessionId)
  const watcher = watch(proc)
  const data = await watcher.until('RESUMED')
  expect(await watcher.exited, watcher.stderr()).toBe(0)
  return data as unknown as Resumed
}

describe('an interview survives SIGKILL', () => {
  it(
    'killed mid-answer, it resumes at the same question with both finished answers',
    async () => {
      const dataDir = tempDir()
      const proc = run(dataDir, 'mid-answer')
      const watcher = watch(proc)
      const answering = await watcher.until('ANSWERING')
      await killHard(proc, watcher)

      const after = await resume(dataDir, answering.sessionId as string)
      expect(after.turn.status).toBe('in_progress')
      expect(after.turn.question).toMatchObject({ turnIndex: answering.turnIndex, text: answering.text })
      expect(after.answers.map((a) => [a.turn_index, a.text])).toEqual([
        [0, 'Finished answer 0'],
        [1, 'Finished answer 1'],
      ])
    },
    budget(30_000),
  )

  it(
    'killed while the saved answer was being evaluated, it keeps the answer and decides it on restart',
    async () => {
      const dataDir = tempDir()
      const proc = run(dataDir, 'mid-evaluation')
      const watcher = watch(proc)
      const saved = await watcher.until('SAVED')
      await killHard(proc, watcher)

      const after = await resume(dataDir, saved.sessionId as string)
      expect(after.answers).toEqual([
        { id: saved.answerId, turn_index: 0, text: 'My background is in payments.', quality_source: 'heuristic' },
      ])
      expect(after.turn.question!.turnIndex).toBe(1)
    },
    budget(30_000),
  )

  // Each case starts two child processes (one killed, one resuming) that compile TypeScript on start.
  it.each([
    [3, 0],
    [5, 7],
    [8, 23],
  ] as const)(
    'killed at an arbitrary moment (after %i acknowledged answers, %i ms later), every acknowledged answer is kept and the state agrees with them',
    async (acked, delayMs) => {
      const dataDir = tempDir()
      const proc = run(dataDir, 'loop')
      const watcher = watch(proc)
      const first = await watcher.until('ACKED', acked)
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
      await killHard(proc, watcher)
      const acknowledged = watcher.lines.filter((l) => l.event === 'ACKED').length

      const after = await resume(dataDir, first.sessionId as string)
      const indices = after.answers.map((a) => a.turn_index)
      // Nothing acknowledged is lost, nothing is duplicated, and no turn is skipped.
      expect(indices.length).toBeGreaterThanOrEqual(acknowledged)
      expect(indices).toEqual(indices.map((_, i) => i))
      expect(after.answers.map((a) => a.text)).toEqual(indices.map((i) => `Loop answer ${i}`))
      // The interview stands at the question after the last saved answer.
      expect(after.turn.question!.turnIndex).toBe(indices.length)
    },
    budget(30_000),
  )
})
