/**
 * Cuts streamed text into pieces text-to-speech can say well, as soon as each is complete. Speech
 * starts sooner when the first piece ends at a clause ("Thank you," …) rather than waiting for the
 * whole sentence; later pieces are whole sentences, which sound more natural.
 */

export interface SentenceCutterOptions {
  /** The first piece may end at a comma, semicolon, colon or dash once it has this many words. */
  firstClauseMinWords?: number
  /** A piece that grows past this is cut at its last clause mark or space, so no request is huge. */
  maxChars?: number
}

export interface SentenceCutter {
  /** Adds streamed text; returns the pieces it completed. */
  push(delta: string): string[]
  /** The text left when the stream ends. */
  flush(): string[]
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sr jr st vs etc e.g eg i.e ie approx no fig inc ltd co dept est min max vol'.split(' '),
)

const SENTENCE_MARK = /[.!?…]/u
const CLAUSE_MARK = /[,;:—–]/u
const CLOSERS = /["'”’)\]]/u

const wordCount = (text: string) => text.trim().split(/\s+/u).filter(Boolean).length

/** Whether a full stop at `at` (with the text before it) can end a sentence. */
function stopEndsSentence(text: string, at: number, next: string | undefined): boolean {
  if (text[at] !== '.') return true
  const before = /([\p{L}\p{N}.]+)$/u.exec(text.slice(0, at))?.[1] ?? ''
  if (/^\p{N}+$/u.test(before) && next === undefined) return false // "3." may continue as "3.5"
  const word = before.toLowerCase()
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/u, ''))) return false
  if (/^\p{L}$/u.test(before)) return false // an initial: "J. Smith"
  if (next !== undefined && /\p{Ll}/u.test(next)) return false // "… e.g. this" or "approx. five"
  return true
}

export function createSentenceCutter(options: SentenceCutterOptions = {}): SentenceCutter {
  const firstClauseMinWords = options.firstClauseMinWords ?? 2
  const maxChars = options.maxChars ?? 240
  let buffer = ''
  let emitted = 0

  /** The end (exclusive) of the first complete piece in the buffer, or -1. */
  const findCut = (): number => {
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer[i]!
      const sentence = SENTENCE_MARK.test(ch)
      const clause = emitted === 0 && CLAUSE_MARK.test(ch)
      if (!sentence && !clause) continue
      let end = i + 1
      while (end < buffer.length && (SENTENCE_MARK.test(buffer[end]!) || CLOSERS.test(buffer[end]!))) end++
      const rest = buffer.slice(end)
      const nextVisible = rest.trimStart()[0]
      // A mark counts once whitespace follows it, or when it ends what has arrived so far (the
      // model streams "helpful." and the next token may be a while): waiting would delay speech.
      if (rest.length > 0 && !/^\s/u.test(rest)) continue
      if (sentence && !stopEndsSentence(buffer, i, nextVisible)) continue
      if (!sentence && wordCount(buffer.slice(0, end)) < firstClauseMinWords) continue
      // A comma after a digit at the very end may be a thousands mark ("1,000"); wait for the next piece.
      if (!sentence && rest.length === 0 && /\p{N}$/u.test(buffer.slice(0, i))) continue
      return end
    }
    if (buffer.length > maxChars) {
      const window = buffer.slice(0, maxChars)
      const clauseAt = Math.max(...[...window.matchAll(/[,;:—–]\s/gu)].map((m) => (m.index ?? -1) + 1), -1)
      if (clauseAt > maxChars / 3) return clauseAt
      const spaceAt = window.lastIndexOf(' ')
      return spaceAt > 0 ? spaceAt : maxChars
    }
    return -1
  }

  const take = (): string[] => {
    const pieces: string[] = []
    for (let cut = findCut(); cut > 0; cut = findCut()) {
      const piece = buffer.slice(0, cut).trim()
      buffer = buffer.slice(cut)
      if (piece) {
        pieces.push(piece)
        emitted += 1
      }
    }
    return pieces
  }

  return {
    push(delta) {
      buffer += delta
      return take()
    },
    flush() {
      const pieces = take()
      const rest = buffer.trim()
      buffer = ''
      if (rest) {
        pieces.push(rest)
        emitted += 1
      }
      return pieces
    },
  }
}
