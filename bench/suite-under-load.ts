/**
 * The whole test suite while busy loops keep every core loaded, as CI may find the machine right
 * after a session. Prints, per run, the wall time and vitest's passed/failed/skipped counts, and the
 * names of any failed tests. No thresholds: the suite passes or it does not.
 * Run after `npm run build`: npx tsx bench/suite-under-load.ts [runs=3] [loops=<cores>]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const runs = Number(process.argv[2] ?? 3)
const loops = Number(process.argv[3] ?? os.availableParallelism())
const root = path.resolve(__dirname, '..')
// The README's test runner: the unit and browser projects side by side, as `npm test` runs them.
const RUNNER = path.join(root, 'scripts/test.mjs')

interface Report {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numFailedTestSuites: number
  testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[]
}

function startBusyLoops(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random())'], { stdio: 'ignore' }),
  )
}

function runSuite(reportFile: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [RUNNER, '--reporter=dot', '--reporter=json', `--outputFile.json=${reportFile}`],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, CI: 'true' },
      },
    )
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

async function main() {
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-suite-load-'))
  console.log(`${runs} runs of the whole suite with ${loops} busy loops on ${os.availableParallelism()} cores`)
  for (let run = 1; run <= runs; run++) {
    const busy = startBusyLoops(loops)
    const reportFile = path.join(reportDir, `run-${run}.json`)
    const started = performance.now()
    const exitCode = await runSuite(reportFile)
    const seconds = (performance.now() - started) / 1000
    for (const loop of busy) loop.kill('SIGKILL')
    if (!fs.existsSync(reportFile)) {
      console.log(`run ${run}: ${seconds.toFixed(0)} s, no report (vitest exited ${exitCode})`)
      continue
    }
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report
    console.log(
      `run ${run}: ${seconds.toFixed(0)} s, ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped, ${report.numFailedTestSuites} files failed`,
    )
    for (const suite of report.testResults)
      for (const test of suite.assertionResults)
        if (test.status === 'failed') console.log(`  failed: ${path.relative(root, suite.name)} › ${test.fullName}`)
  }
}

void main()
