import { afterEach, describe, expect, it } from 'vitest'
import { jobInputSchema, type JobInput } from '@shared/contract/screening'
import { createRanker } from '@core/screening/candidates/rerank'
import { createJobsService } from '@core/screening/jobs/jobs-service'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'
import { seedCandidates } from './seed'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

async function setup() {
  ;({ studio } = await createTempStudio({ startWorkers: false }))
  const { rerank } = createRanker({
    db: studio.db,
    direct: studio.direct,
    clock: { now: () => Date.now() },
    related: () => [],
    events: studio.events,
  })
  return { studio, rerank, jobs: createJobsService({ db: studio.db, writer: studio.writer, rerank }) }
}

const input = (overrides: Partial<JobInput> = {}) =>
  jobInputSchema.parse({
    title: 'Data Engineer',
    department: 'Data',
    location: 'Berlin',
    description: 'Build batch and streaming pipelines with Python, Spark and Kafka.',
    requiredSkills: [
      { skillId: 'python', name: 'Python', weight: 5 },
      { skillId: 'apache-spark', name: 'Apache Spark', weight: 3 },
    ],
    preferredSkills: [{ skillId: 'apache-kafka', name: 'Apache Kafka', weight: 2 }],
    minYears: 3,
    educationLevel: 'bachelor',
    ...overrides,
  })

describe('jobs', () => {
  it('creates, edits, closes, archives and lists jobs with filters, writing the change log', async () => {
    const { jobs, studio } = await setup()
    const data = await jobs.create(input())
    await jobs.create(
      input({
        title: 'Nurse',
        department: 'Care',
        location: 'Leeds',
        description: 'Ward care',
        requiredSkills: [],
        preferredSkills: [],
      }),
    )
    expect(data).toMatchObject({
      title: 'Data Engineer',
      status: 'open',
      candidateCount: 0,
      minYears: 3,
      salaryCurrency: 'USD',
    })
    expect(data.requiredSkills.map((s) => s.skillId)).toEqual(['python', 'apache-spark'])

    const { job: edited } = await jobs.update(data.id, { salaryMin: 60000, salaryMax: 80000, location: 'Remote' })
    expect(edited).toMatchObject({ salaryMin: 60000, salaryMax: 80000, location: 'Remote', title: 'Data Engineer' })
    await expect(jobs.update(data.id, { salaryMin: 90000 })).rejects.toMatchObject({ code: 'invalid_input' })

    expect((await jobs.list({ status: 'open', department: 'Care' })).map((j) => j.title)).toEqual(['Nurse'])
    expect((await jobs.list({ status: 'open', location: 'Remote' })).map((j) => j.title)).toEqual(['Data Engineer'])
    expect((await jobs.list({ status: 'all', search: 'stream' })).map((j) => j.title)).toEqual(['Data Engineer'])
    expect(await jobs.facets()).toEqual({ departments: ['Care', 'Data'], locations: ['Leeds', 'Remote'] })

    await jobs.setStatus(data.id, 'closed')
    expect((await jobs.list({ status: 'open' })).map((j) => j.title)).toEqual(['Nurse'])
    await jobs.setStatus(data.id, 'archived')
    await expect(jobs.update(data.id, { title: 'x' })).rejects.toMatchObject({ code: 'conflict' })
    expect((await jobs.list({ status: 'archived' })).map((j) => j.id)).toEqual([data.id])

    const log = await studio.db
      .selectFrom('change_log')
      .select(['op'])
      .where('table_name', '=', 'job_openings')
      .where('row_id', '=', data.id)
      .execute()
    expect(log.map((l) => l.op)).toEqual(['insert', 'update', 'update', 'update'])
  })

  it('keeps a skill listed as both required and preferred once, as required', async () => {
    const { jobs } = await setup()
    const job = await jobs.create(
      input({
        requiredSkills: [{ skillId: 'python', name: 'Python', weight: 3 }],
        preferredSkills: [
          { skillId: 'python', name: 'Python', weight: 1 },
          { skillId: 'sql', name: 'SQL', weight: 1 },
        ],
      }),
    )
    expect(job.preferredSkills.map((s) => s.skillId)).toEqual(['sql'])
  })

  it('re-ranks a job’s candidates when the job is edited', async () => {
    const { jobs, studio } = await setup()
    const job = await jobs.create(input())
    const [spark, kafka] = await seedCandidates(studio, job.id, [
      {
        name: 'Spark Person',
        text: 'Python Spark pipelines',
        skills: ['python', 'apache-spark'],
        years: 4,
        education: 'bachelor',
      },
      {
        name: 'Kafka Person',
        text: 'Python Kafka streaming',
        skills: ['python', 'apache-kafka'],
        years: 4,
        education: 'bachelor',
      },
    ])
    const order = async () =>
      (
        await studio.db
          .selectFrom('application_scores')
          .select(['candidate_id'])
          .where('job_id', '=', job.id)
          .orderBy('score', 'desc')
          .execute()
      ).map((r) => r.candidate_id)
    await jobs.update(job.id, {})
    expect(await order()).toEqual([spark, kafka])
    const { rerank } = await jobs.update(job.id, {
      requiredSkills: [
        { skillId: 'python', name: 'Python', weight: 5 },
        { skillId: 'apache-kafka', name: 'Apache Kafka', weight: 3 },
      ],
      preferredSkills: [],
    })
    expect(rerank.candidates).toBe(2)
    expect(await order()).toEqual([kafka, spark])
  })

  it('reads a stored skill list written by another version: unknown fields dropped, unreadable skills left out', async () => {
    const { studio, jobs } = await setup()
    const job = await jobs.create(input())
    const stored = [
      { skillId: 'python', name: 'Python', weight: 5, level: 'expert' },
      { skillId: 'figma', name: 'Figma', weight: 3, alternatives: [{ skillId: 'adobe-xd', name: 'Adobe XD' }] },
      { name: 'no id' },
    ]
    await studio.db
      .updateTable('job_openings')
      .set({ required_skills: JSON.stringify(stored) })
      .where('id', '=', job.id)
      .execute()
    expect((await jobs.get(job.id)).requiredSkills).toEqual([
      { skillId: 'python', name: 'Python', weight: 5 },
      { skillId: 'figma', name: 'Figma', weight: 3, alternatives: [{ skillId: 'adobe-xd', name: 'Adobe XD' }] },
    ])
  })
})
