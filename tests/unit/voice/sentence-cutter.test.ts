import { describe, expect, it } from 'vitest'
import { createSentenceCutter } from '@core/voice/sentence-cutter'

/** Feeds text as a model streams it (word-sized deltas, spaces kept) and records when pieces come out. */
function stream(text: string, options?: Parameters<typeof createSentenceCutter>[0]) {
  const cutter = createSentenceCutter(options)
  const deltas = text.match(/\s*\S+|\s+$/g) ?? []
  const out: { piece: string; afterDelta: number }[] = []
  deltas.forEach((delta, i) => cutter.push(delta).forEach((piece) => out.push({ piece, afterDelta: i })))
  cutter.flush().forEach((piece) => out.push({ piece, afterDelta: deltas.length }))
  return { pieces: out.map((o) => o.piece), out, deltas }
}

describe('sentence cutter', () => {
  it('gives the first clause at once, then whole sentences, and loses no text', () => {
    const text = 'Thank you, that is a helpful example. Could you walk me through the hardest part? What did you learn!'
    const { pieces } = stream(text)
    expect(pieces).toEqual([
      'Thank you,',
      'that is a helpful example.',
      'Could you walk me through the hardest part?',
      'What did you learn!',
    ])
    expect(pieces.join(' ')).toBe(text)
  })

  it('cuts a sentence the moment its last word arrives, without waiting for the next token', () => {
    const { out, deltas } = stream('Great answer. Next question now')
    const first = out.find((o) => o.piece === 'Great answer.')!
    expect(deltas[first.afterDelta]).toBe(' answer.')
  })

  it('does not cut a one-word opening at its comma', () => {
    expect(stream('Well, that is interesting. Tell me more.').pieces).toEqual([
      'Well, that is interesting.',
      'Tell me more.',
    ])
  })

  it('keeps abbreviations, initials, decimals and thousands inside their sentence', () => {
    const cutter = createSentenceCutter()
    const pieces = [
      ...cutter.push('We spoke with Dr. Smith and J. Jones about'),
      ...cutter.push(' tools, e.g. caches. It cost 3.'),
      ...cutter.push('5 million, about 1,'),
      ...cutter.push('000 per user. Done.'),
      ...cutter.flush(),
    ]
    expect(pieces).toEqual([
      'We spoke with Dr. Smith and J. Jones about tools,',
      'e.g. caches.',
      'It cost 3.5 million, about 1,000 per user.',
      'Done.',
    ])
  })

  it('treats a question text arriving in one piece as several sentences', () => {
    const cutter = createSentenceCutter()
    expect(cutter.push('Thanks.')).toEqual(['Thanks.'])
    expect(cutter.push(' Describe a system you designed. What would you change today?')).toEqual([
      'Describe a system you designed.',
      'What would you change today?',
    ])
    expect(cutter.flush()).toEqual([])
  })

  it('cuts a run-on text at a clause or a space before it grows too long', () => {
    const long = `${'and then we kept going '.repeat(20)}until the end`
    const { pieces } = stream(long, { maxChars: 80 })
    expect(pieces.length).toBeGreaterThan(3)
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(80)
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(long.replace(/\s+/g, ' ').trim())
  })

  it('says nothing for whitespace and gives the unfinished rest on flush', () => {
    const cutter = createSentenceCutter()
    expect(cutter.push('   ')).toEqual([])
    expect(cutter.push('no full stop here')).toEqual([])
    expect(cutter.flush()).toEqual(['no full stop here'])
    expect(cutter.flush()).toEqual([])
  })
})
