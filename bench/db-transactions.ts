/**
 * §7 D09, the core's main-thread budget: while the studio does its largest normal work — importing
 * N resumes, re-ranking a pool of P candidates after each job edit, paging the ranked list — how
 * long its event loop is blocked, as percentiles of the event-loop delay (perf_hooks), per phase.
 * Every request the core serves (a kiosk's audio included) waits that long behind the work.
 * Then each request's own duration (p50, p99): a re-rank after a job edit, a page of the list,
 * and saving an interview turn, T of them.
 * Run: npx tsx bench/db-transactions.ts [N=1000] [P=10000] [T=200]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { IntakeBatchView, JobOpeningView } from '@shared/contract/screening'
import type { Studio } from '@core/studio'
import { createTempStudio, tempDir } from '../tests/helpers/temp-studio'
import { FIXTURE_JOBS } from '../tests/fixtures/resumes'
import { openInterviews, saveInterviewTurns } from './interview-turns'
import { growPool, writeResumeFolder } from './screening-fixtures'
import { percentile } from './stats'

const count = Number(process.argv[2] ?? 1000)
const poolSize = Number(process.argv[3] ?? 10_000)
const turns = Number(process.argv[4] ?? 200)
/** How long each request took, by name. */
const durations = new Map<string, number[]>()

function record(name: string, ms: number): void {
  const taken = durations.get(name) ?? []
  taken.push(ms)
  durations.set(name, taken)
}
const fixture = FIXTURE_JOBS[0]!
const skills = (ids: readonly string[], weight: number) => ids.map((skillId) => ({ skillId, name: skillId, weight }))

async function call<T>(studio: Studio, name: string, input: unknown): Promise<T> {
  const started = performance.now()
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  record(name, performance.now() - started)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

/** The event-loop delay while `work` runs: p50, p99 and max, in ms. */
async function blocked(work: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  const started = performance.now()
  await work()
  const wallMs = performance.now() - started
  // The sampling timer fires once more after a block that lasted to the end of the work.
  await new Promise((resolve) => setTimeout(resolve, 20))
  histogram.disable()
  const ms = (ns: number) => ns / 1e6
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), wallMs }
}

async function main() {
  const folder = tempDir('panelist-d09-resumes-')
  await writeResumeFolder(folder, count)
  let picked: string[] = []
  const { studio } = await createTempStudio({
    dataDir: tempDir('panelist-d09-'),
    queueOptions: { pollMs: 250 },
    chooseResumePaths: async () => picked,
  })
  const job = await call<JobOpeningView>(studio, 'jobs.create', {
    title: fixture.title,
    description: fixture.description,
    requiredSkills: skills(fixture.requiredSkills, 3),
    minYears: fixture.minYears,
  })
  // Opened before the phases: a studio's start-up is not interview work.
  const interviews = await openInterviews()
  const phases: [string, () => Promise<unknown>][] = [
    [
      `import ${count} resumes`,
      async () => {
        const done = new Promise<void>((resolve) => {
          const off = studio.events.subscribe((name, payload) => {
            if (name === 'intake.progress' && (payload as IntakeBatchView).status === 'done') resolve(off())
          })
        })
        picked = [folder]
        await call(studio, 'intake.choosePaths', { kind: 'folder' })
        await call(studio, 'intake.importPaths', { jobId: job.id, paths: [folder] })
        await done
      },
    ],
    [`grow the pool to ${poolSize}`, () => growPool(studio, job.id, poolSize)],
    [
      `6 job edits, each re-ranking ${poolSize}`,
      async () => {
        for (let i = 0; i < 6; i++)
          await call(studio, 'jobs.update', {
            id: job.id,
            patch: { requiredSkills: skills(fixture.requiredSkills.slice(0, 3 + (i % 3)), 3), minYears: 2 + (i % 8) },
          })
      },
    ],
    [
      '20 pages of the ranked list',
      async () => {
        for (let page = 0; page < 20; page++)
          await call(studio, 'candidates.list', { jobId: job.id, limit: 50, offset: page * 50 })
      },
    ],
    [
      `save ${turns} interview turns`,
      async () => {
        for (const ms of await saveInterviewTurns(interviews, turns)) record('interview turn saved', ms)
      },
    ],
  ]
  console.log(`event-loop delay of the core while it works (budget: p99 < 50 ms)`)
  console.log(
    'phase'.padEnd(36),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'max ms'.padStart(8),
    'wall s'.padStart(8),
  )
  for (const [name, work] of phases) {
    const { p50, p99, max, wallMs } = await blocked(work)
    console.log(
      name.padEnd(36),
      p50.toFixed(1).padStart(8),
      p99.toFixed(1).padStart(8),
      max.toFixed(1).padStart(8),
      (wallMs / 1000).toFixed(1).padStart(8),
    )
  }
  await interviews.close()
  await studio.close()
  printDurations()
}

function printDurations(): void {
  console.log('\nduration of each request')
  console.log('request'.padEnd(36), 'count'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8))
  for (const name of ['jobs.update', 'candidates.list', 'interview turn saved']) {
    const values = durations.get(name) ?? []
    const at = (p: number) => percentile(values, p).toFixed(1).padStart(8)
    console.log(name.padEnd(36), String(values.length).padStart(8), at(50), at(99))
  }
}

void main()
