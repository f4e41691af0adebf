import type { HighlightSpan } from '../../../../shared/contract/screening'

export interface HighlightSkill {
  skillId: string
  names: string[]
  kind: HighlightSpan['kind']
}

const MAX_SPANS = 1000
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Where each skill is named in the resume text, for highlighting. Names match as whole words,
 * ignoring case; where two matches overlap (a short alias inside a longer name) the longer one wins.
 */
export function skillHighlights(text: string, skills: readonly HighlightSkill[]): HighlightSpan[] {
  const found: HighlightSpan[] = []
  for (const skill of skills) {
    const names = [...new Set(skill.names.map((n) => n.trim()).filter((n) => n.length > 0))]
    if (!names.length) continue
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}+#])`, 'giu')
    for (const match of text.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, skillId: skill.skillId, kind: skill.kind })
      if (found.length > MAX_SPANS * 4) break
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const spans: HighlightSpan[] = []
  for (const span of found) {
    const last = spans.at(-1)
    if (last && span.start < last.end) continue
    spans.push(span)
    if (spans.length >= MAX_SPANS) break
  }
  return spans
}

/** The first visible line holding every word of a name: the proof for a skill outside the taxonomy. */
export function lineNaming(text: string, name: string): string | undefined {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean)
  return text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => {
      const lower = line.toLowerCase()
      return words.length > 0 && words.every((word) => lower.includes(word))
    })
}
