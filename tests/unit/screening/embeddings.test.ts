import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AiCapabilities, Embeddings } from '@core/ai/types'
import { createApp as createScreening } from '@core/screening/app'
import { taxonomyCatalog } from '@core/screening/jobs/skill-catalog'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import { silentLogger } from '@core/logger'
import type { Studio } from '@core/studio'
import { startAiStub, type AiStub } from '../../harness/ai-stub'
import { createTempStudio } from '../../helpers/temp-studio'
import { FAST, OPENAI_KEY } from '../ai/harness'
import { seedCandidates } from './seed'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

/** A deterministic bag-of-words embedding: similar words, similar vectors. Stands in for the provider, not for what is tested. */
function wordEmbeddings(calls: string[][], fail = false): Embeddings {
  return {
    async embed(texts) {
      calls.push(texts)
      if (fail) throw new Error('network is down')
      return texts.map((text) => {
        const v = new Array<number>(64).fill(0)
        for (const word of text.toLowerCase().match(/[a-z]+/g) ?? [])
          v[[...word].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 64, 7)]! += 1
        return v
      })
    },
  }
}

function capabilities(embeddings: Embeddings, available: () => boolean): AiCapabilities {
  const none = () => {
    throw new Error('not used here')
  }
  return {
    embeddings: () => embeddings,
    chat: none,
    stt: none,
    tts: none,
    available: (c) => c === 'embeddings' && available(),
  }
}

async function setup(ai: AiCapabilities) {
  ;({ studio } = await createTempStudio())
  const screening = createScreening({
    db: studio.db,
    direct: studio.direct,
    writer: studio.writer,
    clock: { now: () => Date.now() },
    events: studio.events,
    queue: studio.queue,
    logger: silentLogger,
    dataDir: '/nonexistent',
    catalog: taxonomyCatalog(await loadTaxonomyFile(path.join(__dirname, '../../../resources/skills.json'))),
    ai,
    // No parser here, so nothing is imported and no candidate is announced.
    outgoing: { record: async () => {}, recordNow: () => {} },
    actor: () => null,
  })
  screening.jobs.forEach((job) => studio!.queue.register(job))
  const h = screening.handlers
  const job = await h['jobs.create'](
    {
      title: 'Data Engineer',
      department: '',
      location: '',
      employmentType: 'full_time',
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: 'USD',
      description: 'Streaming data pipelines with Kafka and Spark',
      requirements: '',
      requiredSkills: [{ skillId: 'python', name: 'Python', weight: 3 }],
      preferredSkills: [],
      minYears: 0,
      educationLevel: 'none',
      weights: { requiredSkills: 45, preferredSkills: 15, text: 20, experience: 12, education: 8 },
    },
    { audience: 'recruiter' },
  )
  await seedCandidates(studio, job.id, [
    {
      name: 'Pipelines',
      text: 'Python streaming data pipelines with Kafka and Spark',
      skills: ['python'],
      years: 4,
      education: 'bachelor',
    },
    {
      name: 'Gardens',
      text: 'Python scripts for garden irrigation schedules',
      skills: ['python'],
      years: 4,
      education: 'bachelor',
    },
  ])
  const list = () =>
    h['candidates.list']({ jobId: job.id, sort: 'score', limit: 10, offset: 0 }, { audience: 'recruiter' })
  return { h, jobId: job.id, list }
}

describe('embeddings signal', () => {
  it('adds semantic similarity beside the score through the queue, leaving the score as it was', async () => {
    const calls: string[][] = []
    const { h, jobId, list } = await setup(capabilities(wordEmbeddings(calls), () => true))
    await h['jobs.update']({ id: jobId, patch: {} }, { audience: 'recruiter' })
    const before = await list()
    await studio!.queue.idle()
    const after = await list()
    expect(after.items.map((r) => r.score)).toEqual(before.items.map((r) => r.score))
    const semantic = Object.fromEntries(after.items.map((r) => [r.name, r.semantic]))
    expect(semantic.Pipelines).toBeGreaterThan(semantic.Gardens!)
    expect(calls.flat()).toHaveLength(3)

    const detail = await h['candidates.get'](
      { candidateId: after.items[0]!.candidateId, jobId },
      { audience: 'recruiter' },
    )
    expect(detail.score!.semantic).toBe(after.items[0]!.semantic)
    expect(detail.score!.parts.map((p) => p.key)).not.toContain('semantic')

    await h['jobs.update']({ id: jobId, patch: { minYears: 1 } }, { audience: 'recruiter' })
    await studio!.queue.idle()
    expect(calls.flat()).toHaveLength(3)
  })

  it('queues nothing when embeddings are unavailable, and scores do not wait for it', async () => {
    const calls: string[][] = []
    const { h, jobId, list } = await setup(capabilities(wordEmbeddings(calls), () => false))
    await h['jobs.update']({ id: jobId, patch: {} }, { audience: 'recruiter' })
    await studio!.queue.idle()
    expect(calls).toHaveLength(0)
    expect((await list()).items.map((r) => r.semantic)).toEqual([null, null])
    expect(await studio!.queue.list({ limit: 10 })).toHaveLength(0)
  })

  it('retries a failing provider in the background without touching scores', async () => {
    const calls: string[][] = []
    const { h, jobId, list } = await setup(capabilities(wordEmbeddings(calls, true), () => true))
    await h['jobs.update']({ id: jobId, patch: {} }, { audience: 'recruiter' })
    const scores = (await list()).items.map((r) => r.score)
    await studio!.queue.idle()
    const [embed] = await studio!.queue.list({ limit: 10 })
    expect(embed!.lastError).toBe('network is down')
    expect(['queued', 'running']).toContain(embed!.status)
    expect((await list()).items.map((r) => r.score)).toEqual(scores)
  })

  it('runs through the studio’s real OpenAI adapter against the wire stub once a key is set', async () => {
    let stub: AiStub | undefined
    try {
      stub = await startAiStub()
      ;({ studio } = await createTempStudio({ ai: { openaiBaseUrl: stub.openaiBaseUrl, ...FAST } }))
      const call = async <T>(name: string, input: unknown) => {
        const result = await studio!.dispatch(name, input, { audience: 'recruiter' })
        if (!result.ok) throw new Error(result.error.message)
        return result.value as T
      }
      const job = await call<{ id: string }>('jobs.create', { title: 'Data Engineer', description: 'Kafka pipelines' })
      await seedCandidates(studio!, job.id, [
        { name: 'One', text: 'Kafka pipelines in Python', skills: ['python'], years: 3, education: 'bachelor' },
        { name: 'Two', text: 'Garden design', skills: [], years: 3, education: 'bachelor' },
      ])
      await call('jobs.update', { id: job.id, patch: {} })
      await studio!.queue.idle()
      expect(stub.requests.filter((r) => r.route === 'embeddings')).toHaveLength(0)

      await call('secrets.set', { name: 'openai.apiKey', value: OPENAI_KEY })
      const before = await call<{ items: { name: string; score: number; semantic: number | null }[] }>(
        'candidates.list',
        { jobId: job.id },
      )
      await call('jobs.update', { id: job.id, patch: {} })
      await studio!.queue.idle()
      const after = await call<{ items: { name: string; score: number; semantic: number | null }[] }>(
        'candidates.list',
        { jobId: job.id },
      )
      expect(after.items.map((r) => [r.name, r.score])).toEqual(before.items.map((r) => [r.name, r.score]))
      for (const row of after.items) expect(row.semantic).toBeGreaterThanOrEqual(0)
      const sent = stub.requests.filter((r) => r.route === 'embeddings').map((r) => JSON.stringify(r.json))
      expect(sent.some((body) => body.includes('Kafka pipelines in Python'))).toBe(true)
      expect(sent.some((body) => body.includes('text-embedding-3-small'))).toBe(true)
    } finally {
      await studio?.close()
      studio = undefined
      await stub?.close()
    }
  })
})
