/**
 * What a posting says it does not want. Recruiters write it as often as what they want: "not a
 * dashboard person", "NOT QA", "no Java people", "new logos not renewals", a Boolean search's
 * "AND NOT (android OR selenium)", intake notes' "not a fit: PMs, scrum masters". A skill named
 * there is no skill the job asks for.
 */

/** What "not" says of a skill named before it ("Spark not required"): the skill is welcome, not asked. */
const NEEDED = String.raw`(?:required|needed|necessary|mandatory|essential|a must)`
export const NOT_NEEDED = `not ${NEEDED}`

// A negation, but not "not only", "not just", "not limited to", "no less than", "No. of positions",
// "no-code", nor "not required" after a skill (NOT_NEEDED, said of the skill before it).
const NEGATION = new RegExp(
  String.raw`(?:\b(?:not|no|never|neither|nor|except|excluding)\b|\b\p{L}+n['’]t\b)(?![-.])(?!\s+(?:only|just|limited|less|fewer|more|matter|necessarily|longer|later|sure)\b)(?!\s+${NEEDED}\b)`,
  'giu',
)
// How far a plain negation reaches: over a few words ("not a dashboard person", "No retail/shop
// floor"), never past the end of its part of the sentence or a "but".
const REACH = 40
const PART_END = /[.;:!?](?:\s|$)|,\s|\s[-–—]\s|\sbut\s|\sand\s(?!not\b)/i
// A line that names what is not wanted, its items after the colon or in the list under it.
const NOT_WANTED_LABEL =
  /^[\s>*•-]*(?:not (?:a )?(?:fit|wanted|looking for|interested in)|please no|avoid|exclud(?:e|ed|ing)|who should not apply|don['’]t (?:send|want))\b[^:]{0,30}:\s*(.*)$/i

/**
 * The lines wholly about what is not wanted: a "not a fit:" line and the list that follows a bare one
 * (`isListItem` says whether a trimmed line is a list's item, as the posting's reader tells them).
 */
export function unwantedLines(lines: readonly string[], isListItem: (trimmed: string) => boolean): Set<number> {
  const unwanted = new Set<number>()
  let inList = false
  lines.forEach((line, index) => {
    const label = NOT_WANTED_LABEL.exec(line)
    if (label) {
      unwanted.add(index)
      inList = label[1]!.trim() === ''
    } else if (inList && isListItem(line.trim())) unwanted.add(index)
    else if (line.trim()) inList = false
  })
  return unwanted
}

/** Where the bracket that opens at `open` closes on its line (the line's end when it does not). */
function closingBracket(line: string, open: number): number {
  let depth = 0
  for (let at = open; at < line.length; at++) {
    if (line[at] === '(') depth++
    else if (line[at] === ')' && --depth === 0) return at
  }
  return line.length
}

/** Where a span of a line starts and ends (both inclusive). */
export type Span = readonly [number, number]

const OPENS_BRACKET = /\s*\(/y

/**
 * The stretches of a line a negation reaches: a Boolean "NOT (…)" to its closing bracket, any other
 * a few words on, to the end of its part of the sentence. Found once per line, so a line that names
 * a skill thousands of times costs no more than its length and its negations.
 */
export function negatedSpans(line: string): Span[] {
  const spans: Span[] = []
  for (const negation of line.matchAll(NEGATION)) {
    const after = negation.index + negation[0].length
    OPENS_BRACKET.lastIndex = after
    const bracket = OPENS_BRACKET.exec(line)
    if (bracket) {
      spans.push([after, closingBracket(line, after + bracket[0].length - 1) - 1])
      continue
    }
    const cut = line.slice(after, after + REACH).search(PART_END)
    spans.push([after, after + (cut === -1 ? REACH : cut)])
  }
  return spans
}

export const within = (spans: readonly Span[], at: number) => spans.some(([from, to]) => from <= at && at <= to)

/** Whether the mention at `start` on `line` is said to be unwanted (see negatedSpans). */
export const negatedAt = (line: string, start: number) => within(negatedSpans(line), start)
