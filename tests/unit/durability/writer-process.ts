import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const WRITER = path.join(__dirname, 'fixtures/steady-writer.ts')
const running = new Set<ChildProcess>()

/** Kills every writer still running (for afterEach: a failed test must not leave one behind). */
export function killWriters(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}

export interface WriterProcess {
  child: ChildProcess
  /** The highest row the writer has said is committed. */
  committed(): number
}

/**
 * Starts fixtures/steady-writer.ts on `file` (another process's connection, committing one row at
 * a time, `pauseMs` apart or back to back) and resolves once it has committed `atLeast` rows.
 */
export async function startWriter(file: string, atLeast: number, pauseMs?: number): Promise<WriterProcess> {
  const args = ['--import', 'tsx', WRITER, file, ...(pauseMs === undefined ? [] : [String(pauseMs)])]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  running.add(child)
  let committed = 0
  let reached: () => void
  const enough = new Promise<void>((resolve, reject) => {
    reached = resolve
    child.on('exit', (code) => reject(new Error(`the writer exited (${code}) after ${committed} rows`)))
  })
  child.stdout!.on('data', (data: Buffer) => {
    const last = /COMMITTED (\d+)\n(?![\s\S]*COMMITTED)/.exec(data.toString())
    if (last) committed = Number(last[1])
    if (committed >= atLeast) reached()
  })
  await enough
  return { child, committed: () => committed }
}
