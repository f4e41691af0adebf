/** Lower case, edge punctuation gone: how the assessment's quote check compares words too. */
export const normaliseWord = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')

/**
 * Which words of a transcript fall inside one of the quotes, matched word by word after
 * normalising, so a verified quote lights up the words the candidate said.
 */
export function markQuotedWords(words: readonly string[], quotes: readonly string[]): boolean[] {
  const normal = words.map(normaliseWord)
  const marked = normal.map(() => false)
  for (const quote of quotes) {
    const wanted = quote.split(/\s+/).map(normaliseWord).filter(Boolean)
    if (wanted.length === 0) continue
    for (let i = 0; i + wanted.length <= normal.length; i++) {
      if (wanted.every((w, k) => normal[i + k] === w)) for (let k = 0; k < wanted.length; k++) marked[i + k] = true
    }
  }
  return marked
}

/** The word being spoken at `seconds`: the last one that has started, while it lasts or until the next. */
export function wordAt(starts: readonly number[], seconds: number | null): number {
  if (seconds === null) return -1
  let found = -1
  for (let i = 0; i < starts.length && starts[i]! <= seconds; i++) found = i
  return found
}
