import { describe, expect, it } from 'vitest'
import { markQuotedWords, wordAt } from '../../../renderer/src/recruiter/review/quote-marks'
import { statusAfterDecision } from '@core/assessment/decisions/moves'

describe('the review transcript', () => {
  it('marks the words a verified quote covers, whatever their case and edge punctuation', () => {
    const words = ['I', 'would', 'put', 'a', 'Read-through', 'cache,', 'in', 'front.']
    expect(markQuotedWords(words, ['read-through cache'])).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      false,
    ])
    expect(markQuotedWords(words, ['I would', 'in front'])).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      true,
      true,
    ])
    expect(markQuotedWords(words, ['cache in the front'])).toEqual(words.map(() => false))
  })

  it('follows the word being spoken as the recording plays', () => {
    const starts = [0.2, 0.45, 0.7]
    expect(wordAt(starts, null)).toBe(-1)
    expect(wordAt(starts, 0.1)).toBe(-1)
    expect(wordAt(starts, 0.2)).toBe(0)
    expect(wordAt(starts, 0.6)).toBe(1)
    expect(wordAt(starts, 9)).toBe(2)
  })
})

describe('where a decision moves a candidate', () => {
  it('holds to maybe, rejects to rejected, and advances one stage past the interview', () => {
    expect(statusAfterDecision('hold', 'interviewing')).toBe('maybe')
    expect(statusAfterDecision('reject', 'offer')).toBe('rejected')
    expect(statusAfterDecision('advance', 'shortlisted')).toBe('interviewing')
    expect(statusAfterDecision('advance', 'maybe')).toBe('interviewing')
    expect(statusAfterDecision('advance', 'interviewing')).toBe('offer')
    expect(statusAfterDecision('advance', 'offer')).toBe('hired')
    expect(statusAfterDecision('advance', 'hired')).toBe('hired')
  })
})
