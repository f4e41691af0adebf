/**
 * One tokenizer for skill names and for the text they are found in, so that "Node.js", "C++",
 * ".NET", "CI/CD" and "scikit-learn" compare the same way on both sides.
 */

export type TokenKind = 'word' | 'sym' | 'punct'

export interface Token {
  /** Lower-cased form used for lookup; a free-standing "&" reads as "and". */
  norm: string
  /** The characters as written, for case-sensitive forms and for display. */
  raw: string
  start: number
  end: number
  kind: TokenKind
  /** Touches the previous token with nothing in between ("+" in "C++", "js" in "Node.js"). */
  joined: boolean
}

// Words are letters, digits and combining marks. "+", "#", "&" and "/" are kept as symbols because
// they tell C from C++ and C#, and R&D from R. A "." is a symbol only when a word follows it at once
// (".NET", "Node.js"); a full stop before a space is punctuation. Hyphens, underscores and
// apostrophes inside words are dropped so that "machine-learning" reads as "machine learning".
const TOKEN = /([\p{L}\p{N}\p{M}]+)|([+#&/]|\.(?=[\p{L}\p{N}]))|([-_'’](?=[\p{L}\p{N}]))|(\S)/gu

// Short forms written in place of a skill's word: "vendor mgmt" is vendor management.
const SHORT_WORDS = new Map([
  ['mgmt', 'management'],
  ['mngmt', 'management'],
  ['mgmnt', 'management'],
])

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char)

export function tokenize(line: string): Token[] {
  const tokens: Token[] = []
  let lastEnd = -1
  let afterJoiner = false
  TOKEN.lastIndex = 0
  for (let match = TOKEN.exec(line); match; match = TOKEN.exec(line)) {
    const start = match.index
    const raw = match[0]
    const end = start + raw.length
    if (match[3] !== undefined) {
      // A hyphen or apostrophe between two word characters joins nothing: the next word stands alone.
      if (isWordChar(line[start - 1])) {
        afterJoiner = true
        lastEnd = end
        continue
      }
      tokens.push({ norm: raw, raw, start, end, kind: 'punct', joined: start === lastEnd })
      lastEnd = end
      continue
    }
    const joined = start === lastEnd && !afterJoiner
    afterJoiner = false
    if (match[1] !== undefined) {
      const lower = raw.toLowerCase()
      tokens.push({ norm: SHORT_WORDS.get(lower) ?? lower, raw, start, end, kind: 'word', joined })
    } else if (match[2] !== undefined) {
      const freeAmpersand = raw === '&' && !joined && line[end] !== undefined && /\s/.test(line[end]!)
      tokens.push({ norm: freeAmpersand ? 'and' : raw, raw, start, end, kind: freeAmpersand ? 'word' : 'sym', joined })
    } else {
      tokens.push({ norm: raw, raw, start, end, kind: 'punct', joined })
    }
    lastEnd = end
  }
  return tokens
}

/** Symbols that change what a neighbouring word means when they touch it: C vs C++ / C#, R vs R&D. */
export const BINDING_SYMBOLS = new Set(['+', '#', '&', '.'])

export const normalizedForm = (text: string) =>
  tokenize(text)
    .map((token) => (token.joined ? '' : ' ') + token.norm)
    .join('')
    .trim()
