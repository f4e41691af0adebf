// Runs the unit and the browser projects as two vitest processes at once. In one vitest run a
// project without file parallelism forms its own group, and groups run one after another: the
// browser suites (one at a time, mostly waiting on real-time speech) would only start once every
// unit file had finished. Side by side they overlap, and the two processes match the two cores.
// Arguments pass through to both; `--outputFile.json=F` gives each its own report, merged into F.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

// The package's bin, found through its package.json (its exports do not list the bin file).
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
const args = process.argv.slice(2)
const named = args.find((arg) => arg.startsWith('--project'))
const projects = named ? [] : ['unit', 'e2e']
const jsonArg = args.find((arg) => arg.startsWith('--outputFile.json='))
const jsonFile = jsonArg?.slice('--outputFile.json='.length)
// Every temporary folder the tests make (studios, databases, Chromium profiles, Postgres clusters)
// goes under one folder of this run, removed when the run ends: a test that is killed, or one that
// leaves its folder, left it in the system's temp folder (about 75 of them a run, thousands on a CI
// machine). The name is short because a Postgres socket lives there and socket paths are capped.
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-t-'))
// Open to every user as the system's temp folder is: the Postgres tests run their server as another user.
fs.chmodSync(tempRoot, 0o1777)
const env = {
  ...process.env,
  TMPDIR: tempRoot,
  TMP: tempRoot,
  TEMP: tempRoot,
  ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}),
}
// Ctrl-C reaches the vitest processes too; this one waits for them to end and then cleans up.
process.on('SIGINT', () => {})

// The unit project takes two workers when alone; beside the browser process it takes one.
const workers = { unit: ['--maxWorkers=1'], e2e: [] }

function run(project) {
  const own = project
    ? [
        `--project=${project}`,
        '--passWithNoTests',
        ...workers[project],
        ...(jsonFile ? [`--outputFile.json=${jsonFile}.${project}`] : []),
      ]
    : []
  const rest = args.filter((arg) => !(project && jsonFile && arg === jsonArg))
  const child = spawn(process.execPath, [vitest, 'run', ...own, ...rest], {
    stdio: project ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env,
  })
  if (project) {
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      readline.createInterface({ input: from }).on('line', (line) => to.write(`[${project}] ${line}\n`))
    }
  }
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1))))
}

function merge(file, parts) {
  const reports = parts.filter((part) => fs.existsSync(part)).map((part) => JSON.parse(fs.readFileSync(part, 'utf8')))
  if (reports.length === 0) return
  const merged = { ...reports[0], testResults: reports.flatMap((report) => report.testResults) }
  for (const key of Object.keys(merged)) {
    if (typeof merged[key] === 'number' && key.startsWith('num')) {
      merged[key] = reports.reduce((sum, report) => sum + (report[key] ?? 0), 0)
    }
  }
  merged.success = reports.length === parts.length && reports.every((report) => report.success)
  fs.writeFileSync(file, JSON.stringify(merged))
  for (const part of parts) fs.rmSync(part, { force: true })
}

const codes = await Promise.all(projects.length ? projects.map(run) : [run(null)])
if (jsonFile && projects.length)
  merge(
    jsonFile,
    projects.map((project) => `${jsonFile}.${project}`),
  )
fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 })
process.exit(codes.some((code) => code !== 0) ? 1 : 0)
