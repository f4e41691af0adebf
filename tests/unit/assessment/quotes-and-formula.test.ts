import { describe, expect, it } from 'vitest'
import { overallScore, recommendationFor } from '@core/assessment/formula'
import { quoteOccursIn, verifyQuotes } from '@core/assessment/quotes'

describe('quote verification', () => {
  const answer = 'Well, we  put Redis\nin front of the catalogue — and it halved the latency.'

  it('matches across case, whitespace runs and line breaks, with punctuation trimmed at the edges only', () => {
    expect(quoteOccursIn('we put redis in front of the catalogue', answer)).toBe(true)
    expect(quoteOccursIn('"...it halved the latency."', answer)).toBe(true)
    expect(quoteOccursIn('we put Redis before the catalogue', answer)).toBe(false)
    expect(quoteOccursIn('it halved the latency twice', answer)).toBe(false)
  })

  it('refuses a one-word quote: it proves nothing', () => {
    expect(quoteOccursIn('Redis', answer)).toBe(false)
  })

  it('checks each quote against the text it names, and counts what it drops', () => {
    const texts = new Map([[0, answer]])
    const result = verifyQuotes(
      [
        { turnIndex: 0, text: 'halved the latency' },
        { turnIndex: 1, text: 'halved the latency' },
        { turnIndex: null, text: 'halved the latency' },
      ],
      (turn) => (turn === null ? undefined : texts.get(turn)),
    )
    expect(result).toEqual({ quotes: [{ turnIndex: 0, text: 'halved the latency' }], dropped: 2 })
  })
})

describe('the overall formula', () => {
  it('weighs harder questions more, counts a skip as 1, and leaves out answers without evidence', () => {
    const result = overallScore(
      [
        { turnIndex: 0, difficulty: 'warm_up', skipped: false, supportedScores: [5, 5] },
        { turnIndex: 1, difficulty: 'standard', skipped: true, supportedScores: [] },
        { turnIndex: 2, difficulty: 'advanced', skipped: false, supportedScores: [3, 4, 4, 5] },
        { turnIndex: 3, difficulty: 'advanced', skipped: false, supportedScores: [] },
      ],
      'supported',
    )
    // 100 × (1·1 + 2·0 + 3·0.75) / 6 = 54.2
    expect(result.score).toBe(54.2)
    expect(result.formula).toContain('turn 0: w 1, s 5; turn 1: w 2, s 1 (skipped); turn 2: w 3, s 4')
    expect(result.formula).toContain('Left out for lack of verified evidence: turn 3.')
    expect(recommendationFor(result.score)).toBe('consider')
    expect(recommendationFor(70)).toBe('hire')
    expect(recommendationFor(49.9)).toBe('reject')
  })
})
