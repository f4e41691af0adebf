import type { TaxonomySkill } from '../types'
import type { TaxonomyEntry } from './schema'
import { BINDING_SYMBOLS, tokenize, type Token } from './tokenize'

/** One occurrence of a skill in a text. */
export interface SkillMatch {
  skillId: string
  name: string
  category: string
  /** The words as written in the text ("k8s", "Postgres"). */
  surface: string
  /** The whole line the skill was found on, trimmed. */
  line: string
  lineIndex: number
  /** Offsets of `surface` within the untrimmed line. */
  start: number
  end: number
}

interface PatternToken {
  norm: string
  raw: string
  joined: boolean
}

export interface Pattern {
  skill: TaxonomySkill
  surface: string
  tokens: PatternToken[]
  caseSensitive: boolean
  contextual: boolean
  notFollowedBy: ReadonlySet<string>
  /** The last word's plural, also matched: "dealer networks", "sales strategies", "chartered accountants". */
  plural: string | null
}

// Forms this short ("Go", "R", "ML", "UX") are ordinary letters or words in any other case.
const AUTO_CASE_SENSITIVE_MAX_CHARS = 2
// What may stand next to a contextual form for it to read as an item of a list.
const LIST_BEFORE = new Set([
  ',',
  ';',
  ':',
  '|',
  '/',
  '(',
  '[',
  '•',
  '·',
  '▪',
  '●',
  '◦',
  '-',
  '–',
  '—',
  '*',
  'and',
  'or',
])
const LIST_AFTER = new Set([',', ';', '|', '/', ')', ']', '•', '·', '.', 'and', 'or'])
const YEAR = /^(19|20)\d\d$/

/**
 * The English plural of a form's last word, where one is safe to match: a name of two or more words
 * whose last is a word of three letters or more ("Dealer network", "Test case", "Sales strategy").
 * One-word names are left alone ("Spring", "Chef", "Excel" are words and names of other things), and
 * so are forms matched by their capitals.
 */
function pluralOf(tokens: readonly PatternToken[], caseSensitive: boolean): string | null {
  const last = tokens[tokens.length - 1]!
  if (tokens.length < 2 || caseSensitive || last.joined || !/^\p{L}{3,}$/u.test(last.norm)) return null
  const word = last.norm
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`
  return `${word}s`
}

const binds = (token: Token) => token.kind === 'word' || (token.kind === 'sym' && BINDING_SYMBOLS.has(token.norm))

const alphanumericCount = (text: string) => (text.match(/[\p{L}\p{N}]/gu) ?? []).length

/**
 * The matcher's index: every name and alias as tokens, by its first token. Plain data (maps, sets,
 * arrays), so a parse worker can be sent it rather than build it again (see build.ts).
 */
export interface MatcherIndex {
  byFirstToken: Map<string, Pattern[]>
  /** Tokens in the longest name or alias. */
  longest: number
}

export function indexSkills(
  entries: readonly TaxonomyEntry[],
  skills: ReadonlyMap<string, TaxonomySkill>,
): MatcherIndex {
  const byFirstToken = new Map<string, Pattern[]>()
  for (const entry of entries) {
    const skill = skills.get(entry.id)!
    const caseSensitive = new Set(entry.caseSensitive ?? [])
    const contextual = new Set(entry.contextual ?? [])
    const seen = new Set<string>()
    for (const surface of [entry.name, ...entry.aliases]) {
      const tokens = tokenize(surface).map(({ norm, raw, joined }) => ({ norm, raw, joined }))
      const key = tokens.map((token) => (token.joined ? '' : ' ') + token.norm).join('')
      if (tokens.length === 0 || seen.has(key)) continue
      seen.add(key)
      const exactCase = caseSensitive.has(surface) || alphanumericCount(surface) <= AUTO_CASE_SENSITIVE_MAX_CHARS
      const pattern: Pattern = {
        skill,
        surface,
        tokens,
        caseSensitive: exactCase,
        contextual: contextual.has(surface),
        notFollowedBy: new Set((entry.notFollowedBy?.[surface] ?? []).map(runOf)),
        plural: pluralOf(tokens, exactCase),
      }
      const first = tokens[0]!.norm
      const list = byFirstToken.get(first) ?? []
      list.push(pattern)
      byFirstToken.set(first, list)
    }
  }
  // Longest first, so "Spring Boot" wins over "Spring" and "C++" over "C".
  let longest = 1
  for (const list of byFirstToken.values()) {
    list.sort((a, b) => b.tokens.length - a.tokens.length)
    longest = Math.max(longest, list[0]!.tokens.length)
  }
  return { byFirstToken, longest }
}

export class SkillMatcher {
  private readonly byFirstToken: Map<string, Pattern[]>
  private readonly longest: number

  constructor(index: MatcherIndex) {
    this.byFirstToken = index.byFirstToken
    this.longest = index.longest
  }

  /**
   * Every skill mention in `text`, line by line, in reading order; linear in the length of the text.
   * A name wrapped onto the next line ("Machine" / "Learning") is found too: its `line` is both
   * lines joined by "\n", and `start`/`end` are offsets in that joined text.
   */
  find(text: string): SkillMatch[] {
    const matches: SkillMatch[] = []
    const lines = text.split('\n')
    const tokenized = lines.map((line) => (line.trim() === '' ? [] : tokenize(line)))
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      const tokens = tokenized[lineIndex]!
      if (tokens.length === 0) continue
      this.collect(tokens, lineIndex, lines[lineIndex]!, matches)
      const next = tokenized[lineIndex + 1]
      if (next && next.length > 0 && wrapsOnto(lines[lineIndex]!, lines[lineIndex + 1]!))
        this.collectAcross(lines, tokenized, lineIndex, matches)
    }
    return matches
  }

  /** The skill whose name or alias is exactly `form`, ignoring case ("js", "K8S", "Postgres"). */
  resolve(form: string): TaxonomySkill | undefined {
    const tokens = tokenize(form.trim())
    if (tokens.length === 0) return undefined
    for (const pattern of this.byFirstToken.get(tokens[0]!.norm) ?? []) {
      if (pattern.tokens.length !== tokens.length) continue
      if (pattern.tokens.every((token, index) => token.norm === tokens[index]!.norm)) return pattern.skill
    }
    return undefined
  }

  /** Matches in one line's tokens; with `crossing`, only those that start before it and end after. */
  private scan(tokens: Token[], crossing = -1) {
    const found: { pattern: Pattern; from: number; to: number }[] = []
    let index = 0
    const end = crossing === -1 ? tokens.length : crossing
    while (index < end) {
      const token = tokens[index]!
      const candidates = token.kind === 'punct' ? undefined : this.byFirstToken.get(token.norm)
      const pattern = candidates && this.firstMatching(candidates, tokens, index)
      if (pattern && (crossing === -1 || index + pattern.tokens.length > crossing)) {
        found.push({ pattern, from: index, to: index + pattern.tokens.length })
        index += pattern.tokens.length
      } else {
        index++
      }
    }
    return found
  }

  private collect(tokens: Token[], lineIndex: number, line: string, out: SkillMatch[]) {
    const found = this.scan(tokens)
    if (found.length === 0) return
    const nearest = nearestPlainSkills(found)
    const trimmed = line.trim()
    for (const [index, { pattern, from, to }] of found.entries()) {
      if (pattern.contextual && !inList(tokens, from, to) && !besidePlainSkill(pattern, nearest, index)) continue
      const start = tokens[from]!.start
      const end = tokens[to - 1]!.end
      out.push({
        skillId: pattern.skill.id,
        name: pattern.skill.name,
        category: pattern.skill.category,
        surface: line.slice(start, end),
        line: trimmed,
        lineIndex,
        start,
        end,
      })
    }
  }

  private collectAcross(lines: readonly string[], tokenized: readonly Token[][], lineIndex: number, out: SkillMatch[]) {
    const first = lines[lineIndex]!
    const tail = tokenized[lineIndex]!.slice(-(this.longest - 1))
    const head = tokenized[lineIndex + 1]!.slice(0, this.longest - 1)
    // Shift the next line's tokens so offsets are in "first line + \n + next line".
    const shift = first.length + 1
    const combined = [
      ...tail,
      ...head.map((token, index) => ({
        ...token,
        start: token.start + shift,
        end: token.end + shift,
        joined: index === 0 ? false : token.joined,
      })),
    ]
    const joined = `${first}\n${lines[lineIndex + 1]!}`
    for (const { pattern, from, to } of this.scan(combined, tail.length)) {
      if (pattern.contextual && !inList(combined, from, to)) continue
      const start = combined[from]!.start
      const end = combined[to - 1]!.end
      out.push({
        skillId: pattern.skill.id,
        name: pattern.skill.name,
        category: pattern.skill.category,
        surface: joined.slice(start, end),
        line: `${first.trim()}\n${lines[lineIndex + 1]!.trim()}`,
        lineIndex,
        start,
        end,
      })
    }
  }

  private firstMatching(candidates: Pattern[], tokens: Token[], at: number): Pattern | undefined {
    const before = tokens[at - 1]
    // "T" in "AT&T" or "NET" in "ASP.NET" is part of a longer word.
    if (tokens[at]!.joined && before && binds(before)) return undefined
    for (const pattern of candidates) {
      if (this.matchesAt(pattern, tokens, at)) return pattern
    }
    return undefined
  }

  private matchesAt(pattern: Pattern, tokens: Token[], at: number): boolean {
    const length = pattern.tokens.length
    if (at + length > tokens.length) return false
    for (let offset = 0; offset < length; offset++) {
      const want = pattern.tokens[offset]!
      const have = tokens[at + offset]!
      const same = pattern.caseSensitive
        ? have.raw === want.raw
        : have.norm === want.norm || (offset === length - 1 && have.norm === pattern.plural)
      if (!same) return false
      if (offset > 0 && want.joined && !have.joined) return false
    }
    const after = tokens[at + length]
    if (after?.joined && binds(after)) return false
    if (startsWithAny(pattern.notFollowedBy, tokens, at + length)) return false
    // "Android/iOS builds", "Android and iOS devices": the pair's last word says what both are.
    if (JOINS_A_PAIR.has(after?.norm ?? '') && startsWithAny(pattern.notFollowedBy, tokens, at + length + 2))
      return false
    if (pattern.contextual && after && YEAR.test(after.norm)) return false
    return true
  }
}

const JOINS_A_PAIR = new Set(['/', 'and', 'or'])

/**
 * A word or a run of two that shows a form is not the skill, as the tokens' normal forms read it:
 * "e-commerce" is "e commerce", and "Palo Alto, CA" needs the comma and the state.
 */
const runOf = (words: string) =>
  tokenize(words)
    .map((token) => token.norm)
    .join(' ')

/** Whether the tokens from `at` begin with one of `runs` (a word, or two: see runOf). */
function startsWithAny(runs: ReadonlySet<string>, tokens: readonly Token[], at: number): boolean {
  const first = tokens[at]
  if (!first || runs.size === 0) return false
  const second = tokens[at + 1]
  return runs.has(first.norm) || (!!second && runs.has(`${first.norm} ${second.norm}`))
}

/** A line that runs on into the next: no closing punctuation, and the next is not a new bullet. */
const wrapsOnto = (line: string, next: string) => !/[.!?;:,|]\s*$/.test(line) && !/^\s*[•▪●◦*-]\s/.test(next)

// A letter or a code of two or three capitals ("C", "R", "PR", "TA", "ASM") is a grade, a funding round, a
// pull request, a teaching assistant or an area sales manager as often as a skill: a plain skill must
// stand near it ("C and C++", "R, SQL"), not merely somewhere on its line ("We just closed our Series C
// and … accounts-payable software"). A word ("Go") or a longer name need only share the line with one.
const SHORT_FORM_CHARS = 3
const SHORT_FORM_REACH = 6
const isCode = (surface: string) => alphanumericCount(surface) <= SHORT_FORM_CHARS && surface === surface.toUpperCase()

/**
 * For each hit, how far back the last plain (not contextual) skill ended and how far ahead the next
 * one starts, in tokens (Infinity where there is none): one pass each way, so that a line of
 * thousands of hits costs no more than its length.
 */
function nearestPlainSkills(found: readonly { pattern: Pattern; from: number; to: number }[]) {
  const before = new Array<number>(found.length).fill(Infinity)
  const after = new Array<number>(found.length).fill(Infinity)
  let lastEnd = -Infinity
  found.forEach((hit, index) => {
    before[index] = hit.from - lastEnd
    if (!hit.pattern.contextual) lastEnd = hit.to
  })
  let nextStart = Infinity
  for (let index = found.length - 1; index >= 0; index--) {
    after[index] = nextStart - found[index]!.to
    if (!found[index]!.pattern.contextual) nextStart = found[index]!.from
  }
  return { before, after, any: found.some((hit) => !hit.pattern.contextual) }
}

function besidePlainSkill(pattern: Pattern, nearest: ReturnType<typeof nearestPlainSkills>, index: number): boolean {
  if (!isCode(pattern.surface)) return nearest.any
  return nearest.before[index]! < SHORT_FORM_REACH || nearest.after[index]! < SHORT_FORM_REACH
}

/** A form standing alone between list separators: "Languages: Go, R" but not "Go to market". */
function inList(tokens: Token[], from: number, to: number): boolean {
  const before = tokens[from - 1]
  const after = tokens[to]
  const openOk = before === undefined || LIST_BEFORE.has(before.norm)
  const closeOk = after === undefined || LIST_AFTER.has(after.norm)
  return openOk && closeOk
}
