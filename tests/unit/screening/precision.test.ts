import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  CandidateList,
  IntakeBatchDetail,
  IntakeBatchView,
  JobOpeningView,
  SkillSuggestion,
} from '@shared/contract/screening'
import type { Studio } from '@core/studio'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { FIXTURE_JOBS, writeFixtureFolder, type FixtureFile } from '../../fixtures/resumes'

let studio: Studio
let manifest: FixtureFile[]
let candidateIds: string[]

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message} ${result.error.issues?.join('; ') ?? ''}`)
  return result.value as T
}

beforeAll(async () => {
  const temp = await createTempStudio()
  studio = temp.studio
  const dir = tempDir('panelist-families-')
  manifest = await writeFixtureFolder(dir)
  await temp.pick([dir])
  const started = await call<IntakeBatchView>('intake.importPaths', { paths: [dir] })
  let batch: IntakeBatchDetail
  do {
    await studio.queue.idle()
    batch = await call<IntakeBatchDetail>('intake.get', { batchId: started.id })
  } while (batch.status === 'queued' || batch.status === 'running')
  expect(batch.imported).toBe(manifest.length)
  candidateIds = batch.items.map((i) => i.candidateId!)
}, 120_000)

afterAll(() => studio?.close())

describe('ranking quality on the fixture resumes', () => {
  it('puts each job family’s own people in the top five (precision@5 per job)', async () => {
    const taxonomy = await loadTaxonomyFile(path.join(__dirname, '../../../resources/skills.json'))
    const familyByEmail = new Map(manifest.map((f) => [f.resume!.email, f.resume!.person.family]))
    const skill = (weight: number) => (skillId: string) => ({
      skillId,
      name: taxonomy.byId(skillId)?.name ?? skillId,
      weight,
    })
    const results: { job: string; family: string; precision: number; top: string[] }[] = []
    const suggested = async (text: string, importance: 'required' | 'preferred') =>
      (await call<SkillSuggestion[]>('jobs.suggestSkills', { text }))
        .filter((s) => s.importance === importance)
        .map((s) => s.skillId)
    const setups = [
      ...FIXTURE_JOBS.map((fixture) => ({
        fixture,
        how: 'skills chosen',
        required: fixture.requiredSkills,
        preferred: fixture.preferredSkills,
      })),
      ...FIXTURE_JOBS.map((fixture) => ({
        fixture,
        how: 'no skills, text relevance alone',
        required: [] as string[],
        preferred: [] as string[],
      })),
      ...(await Promise.all(
        FIXTURE_JOBS.map(async (fixture) => ({
          fixture,
          how: 'skills suggested from the description',
          required: await suggested(`${fixture.title}\n${fixture.description}`, 'required'),
          preferred: await suggested(`${fixture.title}\n${fixture.description}`, 'preferred'),
        })),
      )),
    ]
    for (const { fixture, how, required, preferred } of setups) {
      const job = await call<JobOpeningView>('jobs.create', {
        title: fixture.title,
        description: fixture.description,
        requiredSkills: required.map(skill(3)),
        preferredSkills: preferred.map(skill(1)),
        minYears: fixture.minYears,
      })
      await call('candidates.addToJob', { jobId: job.id, candidateIds })
      const top = (await call<CandidateList>('candidates.list', { jobId: job.id, limit: 5 })).items
      const hits = top.filter((row) => familyByEmail.get(row.email ?? '') === fixture.family).length
      results.push({
        job: `${fixture.title}, ${how}`,
        family: fixture.family,
        precision: hits / 5,
        top: top.map((r) => `${r.name} ${r.score}`),
      })
    }
    console.log(
      [
        'precision@5 per job (36 resumes, 6 families, each job ranks all 36):',
        ...results.map((r) => `  ${r.precision.toFixed(2)}  ${r.job} (${r.family})`),
      ].join('\n'),
    )
    for (const r of results) expect(r.precision, `${r.job}: ${r.top.join(', ')}`).toBeGreaterThanOrEqual(0.8)
    expect(results.reduce((sum, r) => sum + r.precision, 0) / results.length).toBeGreaterThanOrEqual(0.9)
  })
})
