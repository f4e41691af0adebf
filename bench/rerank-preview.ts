/**
 * The live re-rank preview (`jobs.rerankPreview`) while a job's weights are moved: the time from the
 * request to the answer (validation, ranking the whole pool in memory, comparing with the stored
 * ranking, naming the top), for pools of 1,000 and 10,000 stored candidates. The pools are
 * realistic resumes of six job families (300 written, then copied) stored as intake stores them;
 * nothing is parsed. Each size: the first preview after the job's list was opened (which warms the
 * pool), then `runs` previews, each with different weights; prints the median and the spread, and
 * beside it three saves of the same pool (jobs.update, which re-ranks and stores).
 * Run: npx tsx bench/rerank-preview.ts [runs=9]
 */
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import type { JobOpeningView, RerankPreview, ScoreWeights } from '@shared/contract/screening'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../tests/helpers/temp-studio'
import { buildResume, FIXTURE_JOBS, fixturePeople, renderText } from '../tests/fixtures/resumes'
import { seedCandidates } from '../tests/unit/screening/seed'
import { growPool } from './screening-fixtures'
import { percentile } from './stats'

const runs = Number(process.argv[2] ?? 9)
const SIZES = [1_000, 10_000]
const WRITTEN = 300

async function call<T>(studio: Studio, name: string, input: unknown): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

/** A different set of weights for each run, as a recruiter dragging sliders would send. */
function weightsFor(i: number): ScoreWeights {
  return {
    requiredSkills: (i * 15) % 105,
    preferredSkills: 10,
    text: 100 - ((i * 10) % 100),
    experience: (i * 5) % 30,
    education: 5,
  }
}

async function preparePool(studio: Studio, size: number): Promise<string> {
  const fixture = FIXTURE_JOBS[0]!
  const job = await call<JobOpeningView>(studio, 'jobs.create', {
    title: fixture.title,
    description: fixture.description,
    requiredSkills: fixture.requiredSkills.map((skillId) => ({ skillId, name: skillId, weight: 3 })),
    preferredSkills: fixture.preferredSkills.map((skillId) => ({ skillId, name: skillId, weight: 2 })),
    minYears: fixture.minYears,
    educationLevel: 'bachelor',
  })
  const people = fixturePeople(WRITTEN).map((person) => buildResume(person))
  await seedCandidates(
    studio,
    job.id,
    people.map((resume) => ({
      name: resume.name,
      text: renderText(resume),
      skills: resume.expected.skillIds,
      years: resume.expected.totalYears,
      education: resume.expected.educationLevel,
    })),
  )
  await growPool(studio, job.id, size - WRITTEN)
  // The stored ranking the preview compares against, as the job's last save left it.
  await call(studio, 'jobs.update', { id: job.id, patch: {} })
  return job.id
}

async function main() {
  for (const size of SIZES) {
    // A studio per size, so one pool's memory does not weigh on the other's timings.
    const { studio, dataDir } = await createTempStudio({ startWorkers: false })
    const jobId = await preparePool(studio, size)
    await studio.close()
    const { studio: fresh } = await createTempStudio({ dataDir, startWorkers: false })
    await call(fresh, 'candidates.list', { jobId, limit: 100 })
    const preview = async (i: number) => {
      const started = performance.now()
      const answer = await call<RerankPreview>(fresh, 'jobs.rerankPreview', {
        id: jobId,
        draft: { weights: weightsFor(i) },
      })
      if (answer.candidates !== size) throw new Error(`previewed ${answer.candidates}, expected ${size}`)
      return performance.now() - started
    }
    const first = await preview(0)
    const times: number[] = []
    for (let i = 1; i <= runs; i++) times.push(await preview(i))
    console.log(
      `preview of ${size.toLocaleString('en')} candidates: median ${percentile(times, 50).toFixed(0)} ms ` +
        `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs); ` +
        `first after a restart, right after opening the list: ${first.toFixed(0)} ms`,
    )
    // Saving re-ranks and stores the same order, and now also compares it with the one before.
    const saves: number[] = []
    for (let i = 1; i <= 3; i++) {
      const started = performance.now()
      await call(fresh, 'jobs.update', { id: jobId, patch: { weights: weightsFor(i) } })
      saves.push(performance.now() - started)
    }
    console.log(
      `  save and re-rank of the same pool (with what moved): median ${percentile(saves, 50).toFixed(0)} ms of 3`,
    )
    await fresh.close()
  }
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
