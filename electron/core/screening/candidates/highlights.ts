import type { HighlightSpan } from '../../../../shared/contract/screening'
import type { SkillSpan } from '../jobs/skill-catalog'

const MAX_SPANS = 1000

/** Sorted, non-overlapping spans (where two overlap, the longer wins), capped so a huge resume stays light. */
export function skillHighlights(
  spans: readonly SkillSpan[],
  kindOf: (skillId: string) => HighlightSpan['kind'],
): HighlightSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const out: HighlightSpan[] = []
  for (const span of sorted) {
    const last = out.at(-1)
    if (last && span.start < last.end) continue
    out.push({ start: span.start, end: span.end, skillId: span.skillId, kind: kindOf(span.skillId) })
    if (out.length >= MAX_SPANS) break
  }
  return out
}

/** Whole-word, case-insensitive occurrences of a name outside the taxonomy (a custom job skill). */
export function nameSpans(text: string, skillId: string, name: string): SkillSpan[] {
  const escaped = name
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
  if (!escaped) return []
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu')
  return [...text.matchAll(pattern)]
    .slice(0, MAX_SPANS)
    .map((m) => ({ skillId, start: m.index, end: m.index + m[0].length }))
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
