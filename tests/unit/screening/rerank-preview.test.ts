import { afterEach, describe, expect, it } from 'vitest'
import type { CandidateList, RerankPreview, RerankSummary } from '@shared/contract/screening'
import type { Studio } from '@core/studio'
import { rankMovement } from '@core/screening/scoring/movement'
import { createTempStudio } from '../../helpers/temp-studio'
import { seedCandidates } from './seed'
import { SKILLED, WRITERS, SKILLS_ONLY, TEXT_ONLY, skilled, writer } from './turnover-pool'

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

async function setup() {
  ;({ studio } = await createTempStudio({ startWorkers: false }))
  const job = await call<{ id: string }>('jobs.create', {
    title: 'Backend Engineer',
    description: 'Backend services, APIs and databases.',
    requiredSkills: [{ skillId: 'python', name: 'Python', weight: 5 }],
    preferredSkills: [{ skillId: 'kubernetes', name: 'Kubernetes', weight: 3 }],
    weights: SKILLS_ONLY,
  })
  await seedCandidates(studio!, job.id, [...SKILLED.map(skilled), ...WRITERS.map(writer)])
  // The seeded pool is ranked as a saved edit ranks it.
  await call('jobs.update', { id: job.id, patch: {} })
  return job.id
}

const everyone = (jobId: string) => call<CandidateList>('candidates.list', { jobId, limit: 100 })

/** Everything a preview could have written to, read back whole. */
async function snapshot() {
  return studio!.direct.transaction((direct) => ({
    changes: direct.get<{ n: number }>('select total_changes() as n')!.n,
    scores: direct.all('select * from application_scores order by application_id'),
    jobs: direct.all('select * from job_openings order by id'),
  }))
}

describe('re-rank preview', () => {
  it('ranks a draft exactly as saving it does, and names who entered and left the top', async () => {
    const jobId = await setup()
    const before = await everyone(jobId)
    expect(new Set(before.items.slice(0, 6).map((r) => r.name))).toEqual(new Set(SKILLED))

    const preview = await call<RerankPreview>('jobs.rerankPreview', {
      id: jobId,
      draft: { weights: TEXT_ONLY },
      top: 12,
    })
    expect(preview.candidates).toBe(12)
    // Every writer climbs above every skilled candidate, so all twelve moved.
    expect(preview.moved).toMatchObject({ topSize: 12, movedUp: 6, movedDown: 6, entered: [], left: [] })
    expect(new Set(preview.moved.top.slice(0, 6).map((m) => m.name))).toEqual(new Set(WRITERS))

    const top5 = await call<RerankPreview>('jobs.rerankPreview', { id: jobId, draft: { weights: TEXT_ONLY }, top: 5 })
    expect(top5.moved.top).toEqual(preview.moved.top.slice(0, 5))
    expect(top5.moved.entered.map((m) => m.name)).toEqual(top5.moved.top.map((m) => m.name))
    expect(top5.moved.left.map((m) => m.name)).toEqual(before.items.slice(0, 5).map((r) => r.name))
    for (const move of top5.moved.left) expect(move.newRank).toBeGreaterThan(5)
    // Old ranks and scores are those the list showed before.
    for (const move of preview.moved.top) {
      const was = before.items.findIndex((r) => r.candidateId === move.candidateId)
      expect(move.oldRank).toBe(was + 1)
      expect(move.oldScore).toBe(before.items[was]!.score)
    }

    const { rerank } = await call<{ rerank: RerankSummary }>('jobs.update', {
      id: jobId,
      patch: { weights: TEXT_ONLY },
    })
    const after = await everyone(jobId)
    // The preview's order and scores are the saved ones, place for place.
    expect(preview.moved.top.map((m) => [m.candidateId, m.score])).toEqual(
      after.items.map((r) => [r.candidateId, r.score]),
    )
    // Saving reports the same movement (over its top 10) as the preview did.
    const top10 = await call<RerankPreview>('jobs.rerankPreview', {
      id: jobId,
      draft: { weights: SKILLS_ONLY },
      top: 10,
    })
    expect(rerank.moved).toMatchObject({ topSize: 10, movedUp: 6, movedDown: 6 })
    expect(rerank.moved!.top.map((m) => m.candidateId)).toEqual(after.items.slice(0, 10).map((r) => r.candidateId))
    expect(rerank.moved!.left.map((m) => m.name).sort()).toEqual(
      before.items
        .slice(0, 10)
        .filter((r) => !after.items.slice(0, 10).some((a) => a.candidateId === r.candidateId))
        .map((r) => r.name)
        .sort(),
    )
    // Going back is the mirror image: those who left the top 10 enter it again.
    expect(top10.moved.entered.map((m) => m.candidateId).sort()).toEqual(
      rerank.moved!.left.map((m) => m.candidateId).sort(),
    )
  })

  it('writes nothing, and a draft equal to the saved job moves no one', async () => {
    const jobId = await setup()
    const before = await snapshot()
    const preview = await call<RerankPreview>('jobs.rerankPreview', {
      id: jobId,
      draft: {
        weights: TEXT_ONLY,
        minYears: 5,
        educationLevel: 'master',
        requiredSkills: [{ skillId: 'go', name: 'Go', weight: 5 }],
        title: 'Gardener',
      },
    })
    expect(preview.moved.movedUp + preview.moved.movedDown).toBeGreaterThan(0)
    expect(await snapshot()).toEqual(before)

    const same = await call<RerankPreview>('jobs.rerankPreview', { id: jobId, draft: { weights: SKILLS_ONLY } })
    expect(same.moved).toMatchObject({ movedUp: 0, movedDown: 0, entered: [], left: [] })
    expect(same.moved.top.every((m) => m.oldRank === m.newRank && m.oldScore === m.score)).toBe(true)
  })

  it('shows a candidate not yet ranked as new, entering the top', async () => {
    const jobId = await setup()
    const [newcomer] = await seedCandidates(studio!, jobId, [
      { name: 'Zed Newcomer', text: 'Python', skills: ['python', 'kubernetes'], years: 3, education: 'bachelor' },
    ])
    const preview = await call<RerankPreview>('jobs.rerankPreview', { id: jobId, draft: {}, top: 10 })
    const move = preview.moved.top.find((m) => m.candidateId === newcomer)
    expect(move).toMatchObject({ name: 'Zed Newcomer', oldRank: null, oldScore: null })
    expect(preview.moved.entered.map((m) => m.candidateId)).toContain(newcomer)
  })

  it('is refused to the kiosk and checks its input', async () => {
    const jobId = await setup()
    const kiosk = await studio!.dispatch('jobs.rerankPreview', { id: jobId, draft: {} }, { audience: 'kiosk' })
    expect(kiosk.ok).toBe(false)
    await expect(
      call('jobs.rerankPreview', { id: jobId, draft: { weights: { ...TEXT_ONLY, text: 101 } } }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(call('jobs.rerankPreview', { id: jobId, draft: { salaryMin: 1 } })).rejects.toMatchObject({
      code: 'invalid_input',
    })
    await expect(call('jobs.rerankPreview', { id: jobId, draft: {}, top: 51 })).rejects.toMatchObject({
      code: 'invalid_input',
    })
  })
})

describe('rankMovement', () => {
  const placed = (ids: string) => [...ids].map((candidateId, i) => ({ candidateId, score: 100 - i }))

  it('counts who went up and down, and who entered and left the top, by their old place', () => {
    // a b c d e → e c a f b (d left the pool; f is new)
    const moved = rankMovement(placed('abcde'), placed('ecafb'), 2)
    expect(moved.movedUp).toBe(2) // e 5→1, c 3→2
    expect(moved.movedDown).toBe(2) // a 1→3, b 2→5
    expect(moved.top.map((m) => [m.candidateId, m.oldRank, m.newRank])).toEqual([
      ['e', 5, 1],
      ['c', 3, 2],
    ])
    expect(moved.entered.map((m) => m.candidateId)).toEqual(['e', 'c'])
    expect(moved.left.map((m) => [m.candidateId, m.oldRank, m.newRank])).toEqual([
      ['a', 1, 3],
      ['b', 2, 5],
    ])
    const wide = rankMovement(placed('abcde'), placed('ecafb'), 5)
    expect(wide.entered.map((m) => [m.candidateId, m.oldRank])).toEqual([['f', null]])
    expect(wide.left).toEqual([])
    expect(wide.top[3]).toEqual({ candidateId: 'f', oldRank: null, newRank: 4, oldScore: null, score: 97 })
  })
})
