import { afterEach, describe, expect, it } from 'vitest'
import type { BoardView, FunnelView } from '@shared/contract/screening'
import path from 'node:path'
import { createEncryptedSecretStore, createKeyFileCipher } from '@core/settings/encrypted-secret-store'
import type { Studio, StudioOptions } from '@core/studio'
import { createTempStudio, tempDir } from '../../helpers/temp-studio'
import { seedCandidates, type SeedCandidate } from '../screening/seed'

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

const HOUR = 3_600_000
let now = Date.UTC(2026, 10, 2, 9)
const clock = { now: () => now }

const person = (name: string, skills: string[]): SeedCandidate => ({
  name,
  text: `${name} ${skills.join(' ')}`,
  skills,
  years: 4,
  education: 'bachelor',
})

async function setup(overrides: Partial<StudioOptions> = {}) {
  ;({ studio } = await createTempStudio({ startWorkers: false, clock, ...overrides }))
  const job = await call<{ id: string }>('jobs.create', {
    title: 'Frontend Engineer',
    requiredSkills: [
      { skillId: 'react', name: 'React', weight: 5 },
      { skillId: 'typescript', name: 'TypeScript', weight: 3 },
    ],
  })
  const ids = await seedCandidates(studio!, job.id, [
    person('Ada', ['react', 'typescript']),
    person('Bo', ['react']),
    person('Cy', []),
    person('Di', ['typescript']),
  ])
  await call('candidates.addToJob', { jobId: job.id, candidateIds: ids })
  const board = await call<BoardView>('board.get', { jobId: job.id })
  const app = (name: string) => board.columns.flatMap((c) => c.cards).find((card) => card.name === name)!.applicationId
  const move = (name: string, status: string) => call('candidates.setStatus', { applicationId: app(name), status })
  return { jobId: job.id, app, move }
}

const column = (board: BoardView, status: string) => board.columns.find((c) => c.status === status)!

describe('the pipeline board', () => {
  it('puts every candidate in their stage, best score first, and follows moves, undo and filters', async () => {
    const { jobId, app, move } = await setup()
    const fresh = await call<BoardView>('board.get', { jobId })
    expect(fresh.columns.map((c) => c.status)).toEqual([
      'new',
      'screened',
      'shortlisted',
      'maybe',
      'rejected',
      'interviewing',
      'offer',
      'hired',
      'withdrawn',
    ])
    expect(column(fresh, 'new').cards.map((c) => c.name)).toEqual(['Ada', 'Bo', 'Di', 'Cy'])
    expect(fresh.activity).toEqual([])

    now += HOUR
    await move('Ada', 'shortlisted')
    now += HOUR
    await move('Bo', 'rejected')
    now += HOUR
    await call('candidates.undoStatus', { applicationId: app('Bo') })

    const board = await call<BoardView>('board.get', { jobId })
    expect(column(board, 'shortlisted')).toMatchObject({ count: 1, cards: [{ name: 'Ada' }] })
    expect(column(board, 'new').cards.map((c) => c.name)).toEqual(['Bo', 'Di', 'Cy'])
    expect(column(board, 'shortlisted').cards[0]!.inStageSince).toBe(Date.UTC(2026, 10, 2, 10))
    expect(board.activity.map((m) => [m.candidateName, m.from, m.to, m.kind])).toEqual([
      ['Bo', 'rejected', 'new', 'undo'],
      ['Bo', 'new', 'rejected', 'set'],
      ['Ada', 'new', 'shortlisted', 'set'],
    ])

    const filtered = await call<BoardView>('board.get', { jobId, search: 'd' })
    expect(filtered.columns.flatMap((c) => c.cards.map((card) => card.name)).sort()).toEqual(['Ada', 'Di'])
    const scored = column(board, 'new').cards.find((c) => c.name === 'Bo')!.score!
    const best = await call<BoardView>('board.get', { jobId, minScore: scored + 0.001 })
    expect(best.columns.reduce((n, c) => n + c.count, 0)).toBe(1)
  })

  it('says who moved whom once someone is signed in', async () => {
    const folder = tempDir('panelist-board-secrets-')
    const secrets = createEncryptedSecretStore(
      path.join(folder, 'secrets.json'),
      createKeyFileCipher(path.join(folder, 'secrets.key')),
    )
    const { jobId, move } = await setup({ secrets })
    await move('Ada', 'screened')
    // The session as supabase-js keeps it, in the secret store: only its account's email is read.
    await secrets.set(
      'workspace.session',
      JSON.stringify({ 'panelist-workspace': JSON.stringify({ user: { email: 'ada@example.com' } }) }),
    )
    await move('Bo', 'screened')
    const board = await call<BoardView>('board.get', { jobId })
    expect(board.activity.map((m) => [m.candidateName, m.by])).toEqual([
      ['Bo', 'ada@example.com'],
      ['Ada', null],
    ])
  })

  it('tells a recruiter’s own moves to boards on screen', async () => {
    const { jobId, move } = await setup()
    const seen: unknown[] = []
    studio!.events.subscribe((name, payload) => name === 'pipeline.changed' && seen.push(payload))
    await move('Cy', 'maybe')
    expect(seen).toEqual([{ jobId }])
  })

  it('counts a funnel: who reached each stage, conversion from the stage before, and time in stage', async () => {
    const { jobId, app, move } = await setup()
    // A move taken back counts for nothing: Di never reached Offer, nor the stages before it.
    await move('Di', 'offer')
    await call('candidates.undoStatus', { applicationId: app('Di') })
    now += 2 * HOUR
    await move('Ada', 'screened')
    await move('Bo', 'screened')
    now += 4 * HOUR
    await move('Ada', 'interviewing')
    now += 10 * HOUR
    await move('Ada', 'hired')
    await move('Bo', 'rejected')
    const funnel = await call<FunnelView>('board.funnel', { jobId })
    const stage = (status: string) => funnel.stages.find((s) => s.status === status)!
    expect(stage('new')).toMatchObject({ reached: 4, conversion: null, stays: 2, medianStayMs: 2 * HOUR })
    expect(stage('screened')).toMatchObject({ reached: 2, conversion: 0.5, stays: 2, medianStayMs: 9 * HOUR })
    // Ada went from Screened to Interviewing: she passed Shortlisted on the way.
    expect(stage('shortlisted')).toMatchObject({ reached: 1, conversion: 0.5 })
    expect(stage('interviewing')).toMatchObject({ reached: 1, conversion: 1, medianStayMs: 10 * HOUR })
    expect(stage('hired')).toMatchObject({ reached: 1, conversion: 1, stays: 0, medianStayMs: null })
    expect(stage('rejected')).toMatchObject({ reached: 1, conversion: null })
    expect(funnel.scoreBands.reduce((n, b) => n + b.count, 0)).toBe(4)
  })

  it('refuses a job that does not exist', async () => {
    await setup()
    await expect(call('board.get', { jobId: 'no-such-job' })).rejects.toMatchObject({ code: 'not_found' })
  })
})
