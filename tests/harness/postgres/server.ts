import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { findPostgresBinaries } from './binaries'

export interface TestPostgres {
  /** Host and port for TCP clients (127.0.0.1 only). */
  host: string
  port: number
  /** The database created for the test. */
  database: string
  /** The cluster's superuser (`postgres` unless asked otherwise); every role is trusted locally. */
  superuser: string
  /** The folder holding the cluster, its log and its unix socket; removed on stop. */
  dir: string
  /** The server's `postgres --version`. */
  version: string
  /** Settings for `new pg.Client(...)` / `new pg.Pool(...)` as the given role (default: the superuser). */
  connection(user?: string): pg.ClientConfig
  /** Fast shutdown, then the folder is removed. Safe to call twice. */
  stop(): Promise<void>
}

export interface StartPostgresOptions {
  database?: string
  /** The bootstrap superuser's name; another name leaves `postgres` free to be an ordinary role. */
  superuser?: string
}

/** The OS account the server runs as: initdb and postgres both refuse to run as root. */
interface ServerAccount {
  uid: number
  gid: number
}

function serverAccount(): ServerAccount | null {
  if (process.getuid?.() !== 0) return null
  // The Debian package creates `postgres`; `nobody` exists everywhere else.
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim())
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim())
      if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid }
    } catch {
      // No such account; try the next.
    }
  }
  throw new Error('Running as root and neither a postgres nor a nobody account exists to run the test server as')
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => fs.existsSync(candidate)) ?? null

const DIR_PREFIX = 'panelist-pg-'
const STALE_AFTER_MS = 10 * 60_000

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes clusters a killed test process left behind: folders of ours older than ten minutes
 * whose server is not running (younger ones may belong to a run still in initdb).
 */
function sweepStaleClusters(): void {
  const root = os.tmpdir()
  for (const name of fs.readdirSync(root)) {
    if (!name.startsWith(DIR_PREFIX)) continue
    const dir = path.join(root, name)
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs < STALE_AFTER_MS) continue
      const pidFile = path.join(dir, 'data', 'postmaster.pid')
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue
      fs.rmSync(dir, { recursive: true, force: true })
    } catch {
      // Another process swept it first, or it is not ours to read.
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Every server this process started, so an exit without stop() still leaves nothing behind. */
const running = new Set<{ child: ChildProcess; dir: string }>()
let exitHookInstalled = false

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const { child, dir } of running) {
      // SIGQUIT is Postgres's immediate shutdown: it needs no waiting, which an exit handler cannot do.
      if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGQUIT')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
}

function runInitdb(binDir: string, dataDir: string, superuser: string, account: ServerAccount | null): void {
  execFileSync(
    path.join(binDir, 'initdb'),
    ['-D', dataDir, '-U', superuser, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
    { stdio: ['ignore', 'ignore', 'pipe'], ...(account ?? {}), env: { ...process.env, LC_ALL: 'C' } },
  )
}

/** Starts postgres in the foreground; resolves once it accepts connections, rejects if it exits first. */
function startServer(binDir: string, dir: string, port: number, account: ServerAccount | null): Promise<ChildProcess> {
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    // A test cluster is thrown away: durability settings only cost time here.
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '40',
    shared_buffers: '32MB',
  }
  const args = ['-D', path.join(dir, 'data'), '-p', String(port)]
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`)
  const env = { ...process.env, LC_ALL: 'C', HOME: dir }
  const postgres = path.join(binDir, 'postgres')
  // setpriv (util-linux) asks the kernel to send the server SIGQUIT when this process dies, even by
  // SIGKILL, when no exit handler runs; it also drops to the server's account.
  const child = SETPRIV
    ? spawn(
        SETPRIV,
        [
          ...(account ? [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups'] : []),
          '--pdeathsig=QUIT',
          '--',
          postgres,
          ...args,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'], env },
      )
    : spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(account ?? {}), env })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding('utf8')
    const onOutput = (text: string) => {
      output += text
      if (!output.includes('database system is ready to accept connections')) return
      // From here on the log is drained unread: statements the tests make fail on purpose fill it.
      child.stderr!.off('data', onOutput)
      child.stderr!.resume()
      resolve(child)
    }
    child.stderr!.on('data', onOutput)
    child.once('error', reject)
    child.once('exit', (code, signal) =>
      reject(new Error(`postgres exited (${code ?? signal}) while starting:\n${output}`)),
    )
  })
}

/**
 * A real Postgres server for one test file: a fresh cluster in a temp folder, on a free port, with
 * a database created for the test. Call `stop()` in afterAll; the process's exit removes any left over.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const binaries = findPostgresBinaries()
  if (!binaries.ok) throw new Error(binaries.reason)
  const superuser = options.superuser ?? 'postgres'
  const account = serverAccount()
  sweepStaleClusters()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX))
  if (account) fs.chownSync(dir, account.uid, account.gid)
  installExitHook()
  try {
    runInitdb(binaries.binDir, path.join(dir, 'data'), superuser, account)
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }
  // Another process may take the free port between our check and the server's bind; try a few.
  let child: ChildProcess | null = null
  let port = 0
  let lastError: unknown
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort()
    try {
      child = await startServer(binaries.binDir, dir, port, account)
    } catch (error) {
      lastError = error
    }
  }
  if (!child) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw lastError
  }
  const server = child
  const entry = { child: server, dir }
  running.add(entry)
  const database = options.database ?? 'panelist_test'
  const connection = (user = superuser, db = database): pg.ClientConfig => ({
    host: '127.0.0.1',
    port,
    user,
    database: db,
  })
  const admin = new pg.Client(connection(superuser, 'postgres'))
  await admin.connect()
  // A hosted project's database sorts text by a language's rules (en_US), not by bytes; the test
  // database does too (through ICU, which needs no OS locale), so code relying on byte order must say so.
  await admin.query(
    `create database ${pg.escapeIdentifier(database)} template template0 locale_provider icu icu_locale 'en-US' locale 'C.UTF-8'`,
  )
  await admin.end()

  let stopping: Promise<void> | null = null
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      const done = () => {
        running.delete(entry)
        fs.rmSync(dir, { recursive: true, force: true })
        resolve()
      }
      if (server.exitCode !== null || server.signalCode !== null) return done()
      server.once('exit', done)
      // SIGINT is the fast shutdown: open sessions are ended, nothing is flushed we would keep.
      server.kill('SIGINT')
    }))

  return {
    host: '127.0.0.1',
    port,
    database,
    superuser,
    dir,
    version: binaries.version,
    connection: (user) => connection(user),
    stop,
  }
}
