import {
  DEFAULT_SCORE_WEIGHTS,
  educationLevelSchema,
  MAX_ALTERNATIVES,
  type JobSkill,
} from '../../../../shared/contract/screening'
import { startingWeight } from '../../../../shared/contract/screening/skill-weight'
import type { ScoringJobSource } from '../scoring/job-query'
import type { Taxonomy } from '../taxonomy'
import { unifiedBreaks } from '../extract/line-breaks'
import { distinctSkills } from './distinct-skills'
import { educationRequirement } from './education-requirement'
import { educationAskedIn, yearsAskedIn } from './posting-asks'
import { postingSkills } from './posting-skills'
import { postingTitle } from './posting-title'

/**
 * A job written as Markdown for the command line:
 *
 *   # Senior Data Engineer
 *   Free text: the description and requirements.
 *   Required: Python, SQL, Apache Spark        (or a "Required:" line followed by "- item" lines)
 *   Preferred: Kafka
 *   Minimum years: 5                            (optional; else the first "N+ years" in the text)
 *   Education: bachelor                         (optional; else the degrees the text names as required)
 *
 * Without a Required list, required skills are suggested from the text by the taxonomy (and
 * preferred ones too when there is no Preferred list).
 */
export interface MarkdownJob extends ScoringJobSource {
  /** Skill names that are not in the taxonomy, kept as custom skills (matched by their words). */
  customSkills: string[]
}

const LIST_HEAD = /^\s*(?:[-*]\s*)?\**(required|preferred|nice to have)(?: skills)?\**\s*:\s*(.*)$/i
const ITEM = /^\s*[-*•]\s+(.+)$/
const YEARS_LINE = /^\s*(?:minimum years|min(?:imum)? experience|experience)\s*:\s*(\d+(?:\.\d+)?)/i
const EDUCATION_LINE = /^\s*education(?: level)?\s*:\s*(.+)$/i

function educationOf(text: string): ScoringJobSource['educationLevel'] {
  const direct = educationLevelSchema.safeParse(
    text
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  )
  return direct.success ? direct.data : educationRequirement(text)
}

// A comma inside brackets lists a skill's parts ("AWS (Lambda, S3, SQS)"), not the next skill.
const splitList = (text: string) =>
  text
    .split(/(?:[,;]|\s+\/\s+)(?![^()]*\))/)
    .map((s) => s.replace(/[*_`]/g, '').trim())
    .filter(Boolean)

export function parseJobMarkdown(markdown: string, taxonomy: Pick<Taxonomy, 'resolve' | 'suggestSkills'>): MarkdownJob {
  const lines = unifiedBreaks(markdown).split('\n')
  const { title: found, index: titleIndex } = postingTitle(lines, (text) => taxonomy.suggestSkills(text).length > 0)
  const title = found || 'Untitled job'
  const lists: Record<'required' | 'preferred', string[]> = { required: [], preferred: [] }
  const body: string[] = []
  let minYears: number | null = null
  let educationLevel: ScoringJobSource['educationLevel'] | null = null
  let open: 'required' | 'preferred' | null = null

  for (const line of lines.slice(titleIndex + 1)) {
    const head = LIST_HEAD.exec(line)
    if (head) {
      const list = head[1]!.toLowerCase() === 'required' ? 'required' : 'preferred'
      lists[list].push(...splitList(head[2]!))
      // A head with its items on its own line ("- Nice to have: AWS, React") is one item of a list of
      // the posting's: the bullets after it are its siblings, not more of its skills.
      open = head[2]!.trim() ? null : list
      continue
    }
    const item = ITEM.exec(line)
    if (open && item) {
      lists[open].push(...splitList(item[1]!))
      continue
    }
    if (line.trim()) open = null
    const years = YEARS_LINE.exec(line)
    if (years) {
      minYears = Number(years[1])
      continue
    }
    const education = EDUCATION_LINE.exec(line)
    if (education) {
      educationLevel = educationOf(education[1]!)
      continue
    }
    body.push(line)
  }

  const description = body.join('\n').trim()
  const customSkills: string[] = []
  const named = (name: string) => {
    const skill = taxonomy.resolve(name)
    if (skill) return { skillId: skill.id, name: skill.name }
    customSkills.push(name)
    return { skillId: `custom:${name.toLowerCase().replace(/[^a-z0-9+#.]+/g, '-')}`, name }
  }
  // "Figma or Adobe XD" in a list is one skill with its alternative, unless that is a skill's own name.
  // "Docker (basic)", "AWS (Lambda, S3, SQS)": the skill the words outside the brackets name.
  const unbracketed = (name: string) => {
    const outside = name.replace(/\s*\([^)]*\)/g, '').trim()
    return outside !== name && outside && taxonomy.resolve(outside) && !taxonomy.resolve(name) ? outside : name
  }
  const toSkills = (names: string[]): JobSkill[] =>
    names.map(unbracketed).map((name) => {
      const [first, ...others] = taxonomy.resolve(name) ? [name] : name.split(/\s+or\s+/i).filter(Boolean)
      const alternatives = others.slice(0, MAX_ALTERNATIVES).map(named)
      const category = taxonomy.resolve(first ?? name)?.category
      return {
        ...named(first ?? name),
        weight: startingWeight(category),
        ...(alternatives.length ? { alternatives } : {}),
      }
    })

  let requiredSkills = toSkills(lists.required)
  let preferredSkills = toSkills(lists.preferred)
  if (!requiredSkills.length) {
    const suggested = postingSkills(taxonomy, title, description)
    const skill = (s: (typeof suggested)[number]): JobSkill => ({
      skillId: s.skillId,
      name: s.name,
      weight: startingWeight(s.category),
      ...(s.alternatives ? { alternatives: s.alternatives } : {}),
    })
    const listed = new Set(preferredSkills.map((s) => s.skillId))
    requiredSkills = suggested.filter((s) => s.importance === 'required' && !listed.has(s.skillId)).map(skill)
    if (!preferredSkills.length) preferredSkills = suggested.filter((s) => s.importance === 'preferred').map(skill)
  }
  return {
    title,
    description,
    requirements: '',
    ...distinctSkills(requiredSkills, preferredSkills),
    minYears: Math.min(50, minYears ?? yearsAskedIn(description) ?? 0),
    educationLevel: educationLevel ?? educationAskedIn(description),
    weights: DEFAULT_SCORE_WEIGHTS,
    customSkills,
  }
}
