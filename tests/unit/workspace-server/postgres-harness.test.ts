import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { findPostgresBinaries } from '../../harness/postgres/binaries'
import { startPostgres } from '../../harness/postgres/server'
import { budget } from '../../helpers/patience'

const binaries = findPostgresBinaries()
const unavailable = binaries.ok ? null : binaries.reason
const HOLDER = path.resolve(__dirname, '../../harness/postgres/hold-server.ts')

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + budget(15_000)
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Runs hold-server.ts in its own process and returns what it printed, and the process. */
function holdServer(mode: 'exit' | 'wait') {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, mode], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const started = new Promise<{ pid: number; dir: string; port: number }>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!))
    })
    child.once('exit', (code) => reject(new Error(`hold-server exited (${code}) before starting: ${stderr}`)))
  })
  return { child, started }
}

describe.skipIf(unavailable)(`the test Postgres${unavailable ? ` [${unavailable}]` : ''}`, () => {
  it('starts a real server with a fresh database, and stop() ends it and removes its folder', async () => {
    const server = await startPostgres({ database: 'harness_check' })
    const client = new pg.Client(server.connection())
    await client.connect()
    const { rows } = await client.query(
      `select current_database() as db, current_user as who,
              (select datlocprovider from pg_database where datname = current_database()) as provider`,
    )
    await client.end()
    expect(rows[0]).toEqual({ db: 'harness_check', who: 'postgres', provider: 'i' })
    expect(server.version).toMatch(/^postgres \(PostgreSQL\) \d+/)
    const pid = Number(fs.readFileSync(path.join(server.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0])
    expect(isAlive(pid)).toBe(true)

    await server.stop()
    await server.stop()
    expect(isAlive(pid)).toBe(false)
    expect(fs.existsSync(server.dir)).toBe(false)
  })

  it('a test process that exits without stop() leaves no server and no folder', async () => {
    const { child, started } = holdServer('exit')
    const { pid, dir } = await started
    await new Promise((resolve) => child.once('exit', resolve))
    await until(() => !isAlive(pid), 'the server to end')
    expect(fs.existsSync(dir)).toBe(false)
  })

  it('a test process killed with SIGKILL takes its server with it', async () => {
    const { child, started } = holdServer('wait')
    const { pid, dir } = await started
    expect(isAlive(pid)).toBe(true)
    child.kill('SIGKILL')
    await until(() => !isAlive(pid), 'the orphaned server to end')
    // Nothing ran to remove the folder; the next start's sweep does, once it is stale.
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
