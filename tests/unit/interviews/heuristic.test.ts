import { describe, expect, it } from 'vitest'
import { expectedTerms, heuristicQuality } from '@core/interviews/engine/heuristic'
import type { PlannedQuestion } from '@core/interviews/engine/state'

const technical: PlannedQuestion = {
  id: 'q1',
  position: 0,
  type: 'technical',
  text: 'How would you add caching to a slow product API?',
  skill: 'Caching',
  difficulty: 'standard',
  timeLimitSec: 120,
  prepTimeSec: 0,
  retakesAllowed: 0,
  rubric: [{ name: 'Invalidation', description: 'Explains how stale entries are invalidated', weight: 4 }],
  expectedPoints: ['cache-aside pattern', 'time to live', 'hit rate monitoring'],
}

const strong =
  'I would put a cache-aside layer in Redis in front of the product database, because most reads repeat. Each entry gets a time to live of a few minutes, ' +
  'and writes invalidate the key so stale prices never linger. For example, on a price update the service deletes the entry; however for bulk imports ' +
  'we would rather expire the whole namespace. I would watch the hit rate and latency percentiles, which means we can tell if the TTL is too short, ' +
  'and compared with read replicas this is cheaper. The trade-off is consistency for a short window, which depends on the business rules.'

describe('offline answer quality', () => {
  it('takes its terms from the expected points, the skill and the rubric', () => {
    expect(expectedTerms(technical)).toEqual(
      expect.arrayContaining(['cache-aside', 'time', 'live', 'monitoring', 'caching', 'invalidation', 'stale']),
    )
  })

  it('ranks a specific, reasoned answer above a short vague one, and says why', () => {
    const good = heuristicQuality(technical, strong)
    const weak = heuristicQuality(technical, 'I would use a cache I guess.')
    expect(good.quality).toBeGreaterThanOrEqual(0.8)
    expect(weak.quality).toBeLessThan(0.3)
    expect(good.matchedTerms).toEqual(expect.arrayContaining(['cache-aside', 'stale']))
    expect(good.note).toMatch(
      /^\d+ words \(about 110 expected\); mentioned \d+ of \d+ expected terms \(.+\); \d+ reasoning markers\.$/,
    )
  })

  it('scores nothing as zero', () => {
    expect(heuristicQuality(technical, '   ').quality).toBe(0)
  })

  it('hears the STAR parts of a behavioural answer', () => {
    const star = { ...technical, type: 'behavioural_star' as const, expectedPoints: [], rubric: [] }
    const answer =
      'In my last job our release kept failing. My role was to own the pipeline. I decided to split the build and I set up retries. ' +
      'As a result the failure rate dropped by 40 percent.'
    expect(heuristicQuality(star, answer).note).toMatch(/STAR parts heard: situation, task, action, result/)
  })
})
