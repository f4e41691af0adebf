import type { EvidenceQuote } from '../../../shared/contract/interviews'

/**
 * Quote verification. Speech transcripts differ from what a model copies out of them in case,
 * spacing and punctuation at the edges, never in words: so both sides are lower-cased, whitespace
 * runs become one space, and only punctuation around the quote is trimmed before the substring check.
 */
export function normaliseForQuote(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim()
}

const EDGE_PUNCTUATION = /^[\s"'“”‘’.,;:!?…-]+|[\s"'“”‘’.,;:!?…-]+$/gu

/** True when the quote's words occur, in order and contiguous, in the source text. */
export function quoteOccursIn(quote: string, source: string): boolean {
  const needle = normaliseForQuote(quote).replace(EDGE_PUNCTUATION, '')
  // Fewer than two words proves nothing: "yes" is in almost every answer.
  if (needle.split(' ').length < 2) return false
  return normaliseForQuote(source).includes(needle)
}

export interface VerifiedQuotes {
  quotes: EvidenceQuote[]
  dropped: number
}

/** Keeps the quotes found in the text they name (an answer by turn index, or the resume for null). */
export function verifyQuotes(
  quotes: readonly EvidenceQuote[],
  sourceOf: (turnIndex: number | null) => string | undefined,
): VerifiedQuotes {
  const kept: EvidenceQuote[] = []
  for (const quote of quotes) {
    const source = sourceOf(quote.turnIndex)
    if (source !== undefined && quoteOccursIn(quote.text, source)) kept.push({ ...quote, text: quote.text.trim() })
  }
  return { quotes: kept, dropped: quotes.length - kept.length }
}
