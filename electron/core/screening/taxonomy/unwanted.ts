/**
 * What a posting says it does not want. Recruiters write it as often as what they want: "not a
 * dashboard person", "NOT QA", "no Java people", "new logos not renewals", a Boolean search's
 * "AND NOT (android OR selenium)", intake notes' "not a fit: PMs, scrum masters". A skill named
 * there is no skill the job asks for.
 */

// A negation, but not "not only", "not just", "not limited to", "no less than", "No. of positions",
// "no-code", nor "not required" after a skill (that one is said of the skill before it).
const NEGATION =
  /(?:\b(?:not|no|never|neither|nor|except|excluding)\b|\b\p{L}+n['’]t\b)(?![-.])(?!\s+(?:only|just|limited|less|fewer|more|matter|necessarily|longer|required|needed|necessary|mandatory|essential|a must|later|sure)\b)/giu
// How far a plain negation reaches: over a few words ("not a dashboard person", "No retail/shop
// floor"), never past the end of its part of the sentence or a "but".
const REACH = 40
const PART_END = /[.;:!?](?:\s|$)|,\s|\s[-–—]\s|\sbut\s|\sand\s(?!not\b)/i
// A line that names what is not wanted, its items after the colon or in the list under it.
const NOT_WANTED_LABEL =
  /^[\s>*•-]*(?:not (?:a )?(?:fit|wanted|looking for|interested in)|please no|avoid|exclud(?:e|ed|ing)|who should not apply|don['’]t (?:send|want))\b[^:]{0,30}:\s*(.*)$/i
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s/

/** The lines wholly about what is not wanted: a "not a fit:" line and the list that follows a bare one. */
export function unwantedLines(lines: readonly string[]): Set<number> {
  const unwanted = new Set<number>()
  let inList = false
  lines.forEach((line, index) => {
    const label = NOT_WANTED_LABEL.exec(line)
    if (label) {
      unwanted.add(index)
      inList = label[1]!.trim() === ''
    } else if (inList && LIST_ITEM.test(line)) unwanted.add(index)
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

/**
 * Whether the mention at `start` on `line` is said to be unwanted: a Boolean "NOT (…)" around it,
 * or a negation a few words before it in its part of the sentence.
 */
export function negatedAt(line: string, start: number): boolean {
  for (const negation of line.slice(0, start).matchAll(NEGATION)) {
    const after = negation.index + negation[0].length
    const bracket = /^\s*\(/.exec(line.slice(after))
    if (bracket) {
      if (closingBracket(line, after + bracket[0].length - 1) > start) return true
      continue
    }
    const between = line.slice(after, start)
    if (between.length <= REACH && !PART_END.test(between)) return true
  }
  return false
}
