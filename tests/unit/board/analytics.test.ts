import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalyticsView, IntakeBatchDetail, IntakeBatchView } from '@shared/contract/screening'
import { poolParser } from '@core/screening/intake/pool-parser'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import type { Studio } from '@core/studio'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'

/**
 * Two jobs: one fed by uploads, one by a folder import and a candidate added from the pool; an
 * interview for the first job completed and another left in progress.
 */

let studio: Studio
let pick: (paths: readonly string[]) => Promise<void>
let parser: ReturnType<typeof poolParser>
let jobA: string
let jobB: string

async function call<T>(name: string, input: unknown): Promise<T> {
  if (name === 'intake.importPaths') await pick((input as { paths: string[] }).paths)
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), result.error)
  return result.value as T
}

async function settled(batch: IntakeBatchView): Promise<IntakeBatchDetail> {
  for (;;) {
    await studio.queue.idle()
    const detail = await call<IntakeBatchDetail>('intake.get', { batchId: batch.id })
    if (detail.status !== 'queued' && detail.status !== 'running') return detail
    await new Promise((r) => setTimeout(r, 20))
  }
}

const resume = (name: string) =>
  `${name}\n${name.split(' ')[0]!.toLowerCase()}@example.com\n\nExperience\nAnalyst, Acme, 2019 - present\nSQL, Python\n`
const upload = (name: string) => {
  const text = resume(name)
  return {
    name: `${name}.txt`,
    size: Buffer.byteLength(text),
    lastModified: 0,
    base64: Buffer.from(text).toString('base64'),
  }
}

async function interview(templateId: string, candidateId: string, finish: boolean) {
  const { code } = await call<{ code: string }>('invitations.create', { templateId, candidateId, candidateName: 'X' })
  const { sessionId } = await studio.interviews.startSession(code)
  if (finish) await studio.interviews.finish(sessionId)
}

beforeAll(async () => {
  parser = poolParser({
    taxonomy: (await loadTaxonomyFile(path.join(__dirname, '../../../resources/skills.json'))).transfer,
  })
  ;({ studio, pick } = await createTempStudio({ resumeParser: parser }))
  jobA = (await call<{ id: string }>('jobs.create', { title: 'Data analyst' })).id
  jobB = (await call<{ id: string }>('jobs.create', { title: 'Data engineer' })).id
  const uploaded = await settled(
    await call('intake.importFiles', { jobId: jobA, files: [upload('Ada Byron'), upload('Bo Lind')] }),
  )
  const folder = tempDir('panelist-analytics-folder-')
  fs.writeFileSync(path.join(folder, 'cy.txt'), resume('Cy Moreau'))
  await settled(await call('intake.importPaths', { jobId: jobB, paths: [folder] }))
  const ada = uploaded.items[0]!.candidateId!
  await call('candidates.addToJob', { jobId: jobB, candidateIds: [ada] })

  const template = await call<{ id: string }>('templates.create', { name: 'Analyst screen', jobId: jobA })
  await call('questions.add', {
    templateId: template.id,
    question: {
      type: 'open_voice',
      text: 'Tell me about a report you built.',
      difficulty: 'standard',
      timeLimitSec: 120,
      retakesAllowed: 0,
      rubric: [{ name: 'Relevance', description: 'A concrete example', weight: 3 }],
    },
  })
  await call('templates.publish', { id: template.id })
  await interview(template.id, ada, true)
  await interview(template.id, uploaded.items[1]!.candidateId!, false)
})
afterAll(async () => {
  await studio?.close()
  await parser?.close()
})

const counts = (rows: { label: string; count: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.label.split(' (')[0], r.count]))

describe('analytics', () => {
  it('counts one job: how its candidates came in, their resumes, its funnel and its interviews', async () => {
    const a = await call<AnalyticsView>('analytics.get', { jobId: jobA })
    expect(counts(a.sources)).toEqual({ 'Imported by upload': 2 })
    expect(counts(a.formats)).toEqual({ 'Plain text': 2 })
    expect(a.funnel.stages.find((s) => s.status === 'new')!.reached).toBe(2)
    expect(counts(a.interviews)).toEqual({ Completed: 1, 'In progress': 1 })

    const b = await call<AnalyticsView>('analytics.get', { jobId: jobB })
    expect(counts(b.sources)).toEqual({ 'Imported from a folder or path': 1, 'Added from the candidate pool': 1 })
    expect(counts(b.interviews)).toEqual({})
  })

  it('adds every job together when no job is named, each label present even at zero', async () => {
    const all = await call<AnalyticsView>('analytics.get', {})
    expect(all.jobId).toBeNull()
    expect(counts(all.sources)).toEqual({
      'Imported by upload': 2,
      'Imported from a folder or path': 1,
      'Added from the candidate pool': 1,
    })
    expect(counts(all.formats)).toEqual({ 'Plain text': 3 })
    expect(all.funnel.stages.find((s) => s.status === 'new')!.reached).toBe(4)
    expect(all.interviews.map((r) => r.label)).toEqual(['Completed', 'Abandoned', 'In progress'])
    expect(all.funnel.scoreBands.reduce((n, b) => n + b.count, 0)).toBe(4)
  })
})
