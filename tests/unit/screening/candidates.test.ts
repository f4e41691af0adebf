import { afterEach, describe, expect, it } from 'vitest'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'
import { seedCandidates } from './seed'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await studio!.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

interface Row {
  candidateId: string
  applicationId: string
  name: string
  score: number
  status: string
  matched: string[]
  missing: string[]
}

async function setup() {
  ;({ studio } = await createTempStudio({ startWorkers: false }))
  const job = await call<{ id: string }>('jobs.create', {
    title: 'Frontend Engineer',
    description: 'React and TypeScript single-page applications; accessibility matters.',
    requiredSkills: [
      { skillId: 'react', name: 'React', weight: 5 },
      { skillId: 'typescript', name: 'TypeScript', weight: 3 },
    ],
    preferredSkills: [{ skillId: 'graphql', name: 'GraphQL', weight: 2 }],
    minYears: 3,
  })
  const ids = await seedCandidates(studio!, job.id, [
    {
      name: 'Ada',
      text: 'React TypeScript GraphQL accessibility single-page applications',
      skills: ['react', 'typescript', 'graphql'],
      years: 6,
      education: 'bachelor',
    },
    { name: 'Bo', text: 'React developer', skills: ['react'], years: 2, education: 'bachelor' },
    { name: 'Cy', text: 'Nurse', skills: [], years: 10, education: 'master' },
  ])
  await call('candidates.addToJob', { jobId: job.id, candidateIds: ids })
  return { jobId: job.id, ids }
}

describe('candidates', () => {
  it('lists a job’s candidates ranked, with matched and missing skills, filters and sorts', async () => {
    const { jobId } = await setup()
    const ranked = await call<{ total: number; items: Row[] }>('candidates.list', { jobId })
    expect(ranked.total).toBe(3)
    expect(ranked.items.map((r) => r.name)).toEqual(['Ada', 'Bo', 'Cy'])
    expect(ranked.items[0]).toMatchObject({ status: 'new', matched: ['React', 'TypeScript', 'GraphQL'], missing: [] })
    expect(ranked.items[1]!.missing).toEqual(['TypeScript', 'GraphQL'])

    const min = await call<{ items: Row[] }>('candidates.list', { jobId, minScore: ranked.items[1]!.score })
    expect(min.items.map((r) => r.name)).toEqual(['Ada', 'Bo'])
    expect(
      (await call<{ items: Row[] }>('candidates.list', { jobId, skills: ['graphql'] })).items.map((r) => r.name),
    ).toEqual(['Ada'])
    expect((await call<{ items: Row[] }>('candidates.list', { jobId, minYears: 5 })).items.map((r) => r.name)).toEqual([
      'Ada',
      'Cy',
    ])
    expect(
      (await call<{ items: Row[] }>('candidates.list', { jobId, sort: 'name', order: 'desc' })).items.map(
        (r) => r.name,
      ),
    ).toEqual(['Cy', 'Bo', 'Ada'])
    expect((await call<{ items: Row[] }>('candidates.list', { jobId, search: 'bo' })).items.map((r) => r.name)).toEqual(
      ['Bo'],
    )
    const page = await call<{ total: number; items: Row[] }>('candidates.list', { jobId, limit: 1, offset: 1 })
    expect(page).toMatchObject({ total: 3, items: [{ name: 'Bo' }] })
  })

  it('matches stored skills whole: a skill whose id starts another one is not found inside it', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const job = await call<{ id: string }>('jobs.create', {
      title: 'Backend Engineer',
      description: 'Go services.',
      requiredSkills: [
        { skillId: 'go', name: 'Go', weight: 1 },
        { skillId: 'java', name: 'Java', weight: 1 },
      ],
    })
    await seedCandidates(studio!, job.id, [
      {
        name: 'Dee',
        text: 'Google Cloud and JavaScript',
        skills: ['google-cloud-platform', 'javascript'],
        years: 4,
        education: 'bachelor',
      },
      { name: 'Eli', text: 'Go and Java', skills: ['go', 'java'], years: 4, education: 'bachelor' },
    ])
    // Editing the job ranks its pool from the stored features.
    await call('jobs.update', { id: job.id, patch: { minYears: 1 } })
    const { items } = await call<{ items: Row[] }>('candidates.list', { jobId: job.id })
    expect(items.map((r) => [r.name, r.matched, r.missing])).toEqual([
      ['Eli', ['Go', 'Java'], []],
      ['Dee', [], ['Go', 'Java']],
    ])
  })

  it('changes status with history, undoes step by step, filters by status', async () => {
    const { jobId } = await setup()
    const [ada] = (await call<{ items: Row[] }>('candidates.list', { jobId })).items
    const applicationId = ada!.applicationId
    await call('candidates.setStatus', { applicationId, status: 'screened' })
    const shortlisted = await call<{ status: string; history: { from: string | null; to: string; kind: string }[] }>(
      'candidates.setStatus',
      {
        applicationId,
        status: 'shortlisted',
      },
    )
    expect(shortlisted.status).toBe('shortlisted')
    expect(shortlisted.history.map((h) => [h.from, h.to, h.kind])).toEqual([
      [null, 'new', 'import'],
      ['new', 'screened', 'set'],
      ['screened', 'shortlisted', 'set'],
    ])
    expect(
      (await call<{ items: Row[] }>('candidates.list', { jobId, statuses: ['shortlisted'] })).items.map((r) => r.name),
    ).toEqual(['Ada'])

    expect((await call<{ status: string }>('candidates.undoStatus', { applicationId })).status).toBe('screened')
    expect((await call<{ status: string }>('candidates.undoStatus', { applicationId })).status).toBe('new')
    await expect(call('candidates.undoStatus', { applicationId })).rejects.toMatchObject({ code: 'conflict' })
    const log = await studio!.db
      .selectFrom('change_log')
      .select('op')
      .where('table_name', '=', 'status_changes')
      .execute()
    expect(log).toHaveLength(3 + 4)
  })

  it('keeps notes and tags, and tags filter the list', async () => {
    const { jobId, ids } = await setup()
    const note = await call<{ body: string; jobId: string }>('candidates.addNote', {
      candidateId: ids[1],
      jobId,
      body: 'Strong portfolio',
    })
    expect(note).toMatchObject({ body: 'Strong portfolio', jobId })
    expect(await call('candidates.setTags', { candidateId: ids[1], tags: ['referral', 'Referral', 'remote'] })).toEqual(
      ['referral', 'remote'],
    )
    expect(
      (await call<{ items: Row[] }>('candidates.list', { jobId, tag: 'remote' })).items.map((r) => r.name),
    ).toEqual(['Bo'])
    const detail = await call<{ notes: { body: string }[]; tags: string[] }>('candidates.get', {
      candidateId: ids[1],
      jobId,
    })
    expect(detail.notes.map((n) => n.body)).toEqual(['Strong portfolio'])
    expect(detail.tags).toEqual(['referral', 'remote'])
    await expect(call('candidates.addNote', { candidateId: 'nope', body: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('explains a candidate’s score in the detail, consistent with the list', async () => {
    const { jobId, ids } = await setup()
    const [, bo] = (await call<{ items: Row[] }>('candidates.list', { jobId })).items
    const detail = await call<{
      score: {
        score: number
        explanation: string
        matched: { name: string }[]
        missing: { name: string }[]
        parts: { key: string }[]
      }
      application: { jobTitle: string }
    }>('candidates.get', { candidateId: ids[1], jobId })
    expect(detail.score.score).toBe(bo!.score)
    expect(detail.score.matched.map((m) => m.name)).toEqual(['React'])
    expect(detail.score.missing.map((m) => m.name)).toEqual(['TypeScript', 'GraphQL'])
    expect(detail.score.explanation).toContain('missing TypeScript')
    expect(detail.score.parts.map((p) => p.key)).toEqual(['requiredSkills', 'preferredSkills', 'text', 'experience'])
    expect(detail.application.jobTitle).toBe('Frontend Engineer')
  })

  it('flags a candidate whose resume copied the job posting, in the list and in the explanation', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    const description = [
      'Finora builds lending and collections software used by banks and credit unions across the region.',
      'You will design and build RESTful services in Java and Spring Boot, model data with JPA on PostgreSQL,',
      'integrate with Kafka and third-party APIs, write unit and integration tests and take part in code',
      'reviews, and investigate production issues with logs, metrics and traces alongside the platform team.',
    ].join(' ')
    const job = await call<{ id: string }>('jobs.create', {
      title: 'Java Backend Developer',
      description,
      requiredSkills: [
        { skillId: 'java', name: 'Java', weight: 5 },
        { skillId: 'spring-boot', name: 'Spring Boot', weight: 3 },
      ],
      minYears: 3,
    })
    const ids = await seedCandidates(studio!, job.id, [
      {
        name: 'Ada',
        text: 'Java developer: Spring Boot services on PostgreSQL with Kafka, JUnit tests and code reviews',
        skills: ['java', 'spring-boot'],
        years: 6,
        education: 'bachelor',
      },
      {
        name: 'Dee',
        text: `Site engineer for road and bridge works, quantity surveys and site safety.\n${description}`,
        skills: ['java', 'spring-boot'],
        years: 9,
        education: 'bachelor',
      },
    ])
    await call('candidates.addToJob', { jobId: job.id, candidateIds: ids })
    const ranked = await call<{ items: (Row & { copiedPosting: number | null })[] }>('candidates.list', {
      jobId: job.id,
    })
    expect(ranked.items.map((r) => [r.name, r.copiedPosting === null])).toEqual([
      ['Ada', true],
      ['Dee', false],
    ])
    expect(ranked.items[1]!.copiedPosting).toBeGreaterThan(0.9)
    const detail = await call<{ score: { explanation: string; parts: { key: string; points: number }[] } }>(
      'candidates.get',
      { candidateId: ids[1], jobId: job.id },
    )
    expect(detail.score.explanation).toMatch(/job posting’s wording .* word for word, as if pasted in/)
    expect(detail.score.parts.filter((p) => p.key !== 'experience').map((p) => p.points)).toEqual([0, 0])
  })

  it('adds candidates to a job once and ranks them there', async () => {
    const { ids } = await setup()
    const other = await call<{ id: string }>('jobs.create', {
      title: 'Nurse',
      requiredSkills: [{ skillId: 'nursing', name: 'Nursing', weight: 3 }],
    })
    expect(
      await call('candidates.addToJob', { jobId: other.id, candidateIds: [ids[2], ids[2], 'missing'] }),
    ).toMatchObject({ added: 1, rerank: { candidates: 1 } })
    expect(await call('candidates.addToJob', { jobId: other.id, candidateIds: [ids[2]] })).toMatchObject({ added: 0 })
    const everyone = await call<{ total: number; items: Row[] }>('candidates.list', { sort: 'name' })
    expect(everyone.total).toBe(3)
    expect(everyone.items[0]).toMatchObject({ applicationId: null, score: null })
  })
})
