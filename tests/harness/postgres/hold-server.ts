/**
 * Starts a test Postgres, prints `{"pid", "dir", "port"}` as one JSON line, then either exits at
 * once without stopping it (`exit`) or waits to be killed (`wait`). The harness's own tests use it
 * to check that a test process that ends without cleaning up still leaves no server behind.
 */
import { startPostgres } from './server'

async function main() {
  const mode = process.argv[2]
  if (mode !== 'exit' && mode !== 'wait') throw new Error('usage: hold-server.ts exit|wait')
  const server = await startPostgres()
  const pid = Number((await import('node:fs')).readFileSync(`${server.dir}/data/postmaster.pid`, 'utf8').split('\n')[0])
  process.stdout.write(`${JSON.stringify({ pid, dir: server.dir, port: server.port })}\n`)
  if (mode === 'exit') process.exit(0)
  setInterval(() => undefined, 60_000)
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`)
  process.exit(1)
})
