import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { IncomingMessage } from 'node:http'
import path from 'node:path'
import type { Reply } from './http'

/**
 * Supabase's `/functions/v1/<name>`: each Edge Function runs as its own `deno run` process on a free
 * port, and requests are forwarded to it as the gateway does (path after the name, query, method,
 * headers, body). Like a function deployed with `--no-verify-jwt`, no API key is required here;
 * the function decides what a caller may see.
 */
export interface EdgeFunctionOptions {
  /** Function name → its entry file (supabase/functions/<name>/index.ts). */
  functions: Record<string, string>
  /** Extra environment for every function, on top of SUPABASE_URL and the keys a project injects. */
  env?: Record<string, string>
}

// The real binary, not the npm package's `.bin/deno` (a Node wrapper: stopping it would leave the
// real deno running). Our install denies the package's install script, so the binary is still in
// its platform package (@deno/<target>); the package's own installer finds it there.
const REPOSITORY = path.resolve(__dirname, '../../..')
const NODE_MODULES = path.join(REPOSITORY, 'node_modules')
const DENO_PACKAGE = path.join(NODE_MODULES, 'deno')

function findDeno(): { binary: string } | { reason: string } {
  const own = path.join(DENO_PACKAGE, process.platform === 'win32' ? 'deno.exe' : 'deno')
  if (fs.existsSync(own)) return { binary: own }
  try {
    const installer = createRequire(path.join(DENO_PACKAGE, 'package.json'))('./install_api.cjs') as {
      runInstall(): string
    }
    return { binary: installer.runInstall() }
  } catch (error) {
    return { reason: `needs Deno: the deno package found no binary (${String(error)})` }
  }
}

let found: ReturnType<typeof findDeno> | undefined
const deno = () => (found ??= findDeno())

/** Why Edge Functions cannot run here (worded "needs …"), or null when they can. */
export function edgeFunctionsUnavailable(): string | null {
  const result = deno()
  return 'reason' in result ? result.reason : null
}

function stop(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    // Already gone.
  }
}

interface Running {
  child: ChildProcess
  port: number
}

/** Starts `deno run` on port 0 and waits for the function to print the port it listens on. */
function startFunction(file: string, env: Record<string, string>, timeoutMs: number): Promise<Running> {
  const found = deno()
  if ('reason' in found) return Promise.reject(new Error(found.reason))
  return new Promise((resolve, reject) => {
    // Functions import npm packages (stripe, razorpay, zod) from this repository's node_modules, offline:
    // `manual` makes Deno use the installed tree as it is, and reading is limited to that tree.
    const args = ['run', '--allow-net', '--allow-env', `--allow-read=${NODE_MODULES}`, '--node-modules-dir=manual']
    const child = spawn(found.binary, [...args, '--no-prompt', file], {
      cwd: REPOSITORY,
      env: { ...process.env, ...env, PORT: '0', HOSTNAME: '127.0.0.1', NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stopping it stops anything it started too.
      detached: process.platform !== 'win32',
    })
    let output = ''
    const timer = setTimeout(() => {
      stop(child, 'SIGKILL')
      reject(new Error(`${path.basename(path.dirname(file))} did not start in ${timeoutMs} ms: ${output}`))
    }, timeoutMs)
    const onData = (part: Buffer) => {
      output += part.toString('utf8')
      const match = /listening (\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        // Keep draining so a chatty function never blocks on a full pipe.
        child.stdout!.resume()
        resolve({ child, port: Number(match[1]) })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (part: Buffer) => {
      output += part.toString('utf8')
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${path.basename(path.dirname(file))} exited (${code}): ${output}`))
    })
  })
}

export async function createFunctionRoutes(
  options: EdgeFunctionOptions,
  project: { url: string; anonKey: string; serviceRoleKey: string },
  startTimeoutMs: number,
) {
  const env = {
    ...options.env,
    SUPABASE_URL: project.url,
    SUPABASE_ANON_KEY: project.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: project.serviceRoleKey,
  }
  const running = new Map<string, Running>()
  try {
    for (const [name, file] of Object.entries(options.functions)) {
      running.set(name, await startFunction(file, env, startTimeoutMs))
    }
  } catch (error) {
    for (const { child } of running.values()) stop(child, 'SIGKILL')
    throw error
  }

  /** Forwards a request under /functions/v1, or null when no function of that name runs. */
  async function handle(req: IncomingMessage, route: string, search: string, text: string): Promise<Reply | null> {
    const match = /^\/([A-Za-z0-9_-]+)(\/.*)?$/.exec(route)
    const target = match && running.get(match[1]!)
    if (!target) return null
    const headers: Record<string, string> = {}
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(key)) headers[key] = value
    }
    const response = await fetch(`http://127.0.0.1:${target.port}/${match[1]}${match[2] ?? ''}${search}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : text,
    })
    const replyHeaders: Record<string, string> = {}
    response.headers.forEach((value, key) => {
      if (!['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'date'].includes(key)) {
        replyHeaders[key] = value
      }
    })
    return { status: response.status, raw: await response.text(), headers: replyHeaders }
  }

  async function close(): Promise<void> {
    await Promise.all(
      [...running.values()].map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            child.removeAllListeners('exit')
            child.once('exit', () => resolve())
            stop(child, 'SIGTERM')
          }),
      ),
    )
  }

  return { handle, close }
}
