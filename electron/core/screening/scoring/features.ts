import type { ExtractedDocument, ParsedResume, SkillMention } from '../types'
import { EVIDENCE_STRENGTH } from '../read/skills'
import { educationRank } from './education'
import { resumeFieldTokens } from './fields'
import { buildTermVector, type TermVector } from './term-vector'
import { tokenize } from './tokenize'

export interface ResumeFeatures {
  skillIds: string[]
  /** skillId → the visible line that proves it. */
  skillEvidence: Record<string, string>
  totalYears: number
  educationRank: number
  terms: TermVector
}

const oneSpaced = (text: string) => text.replace(/\s+/g, ' ').trim()

// Reading a resume checks its mentions against its text, and the command line again for its report:
// the last text's spacing is kept rather than worked out twice over the whole text.
let lastText: string | null = null
let lastSpaced = ''
const visibleSpaced = (text: string) => {
  if (text !== lastText) {
    lastSpaced = oneSpaced(text)
    lastText = text
  }
  return lastSpaced
}

/**
 * Keeps a mention only when its evidence is text a human reader can see. The reader already takes
 * evidence from visible text; checking again here means hidden text can never count, whatever a
 * future reader does. Line breaks do not matter: the reader may have cut a long line in two.
 */
export function visibleMentions(
  document: Pick<ExtractedDocument, 'text'>,
  skills: readonly SkillMention[],
): SkillMention[] {
  const visible = visibleSpaced(document.text)
  // Many mentions share a line: each line is looked for once.
  const seen = new Map<string, boolean>()
  return skills.filter((mention) => {
    let shown = seen.get(mention.evidence)
    if (shown === undefined) {
      const evidence = oneSpaced(mention.evidence)
      shown = evidence.length > 0 && visible.includes(evidence)
      seen.set(mention.evidence, shown)
    }
    return shown
  })
}

/** The term vector of a resume's visible text, with its title, skills and role fields and word pairs. */
export function resumeTermVector(
  text: string,
  resume: Pick<ParsedResume, 'employment' | 'sections' | 'skills' | 'currentTitle'>,
) {
  return buildTermVector(tokenize(text), resumeFieldTokens(text, resume))
}

/** Each skill once, by its visible mention from the strongest section, and that mention's line. */
export function provenSkills(document: Pick<ExtractedDocument, 'text'>, skills: readonly SkillMention[]) {
  const best = new Map<string, SkillMention>()
  for (const mention of visibleMentions(document, skills)) {
    const current = best.get(mention.skillId)
    if (!current || EVIDENCE_STRENGTH[mention.section] < EVIDENCE_STRENGTH[current.section])
      best.set(mention.skillId, mention)
  }
  return {
    best,
    skillIds: [...best.keys()],
    skillEvidence: Object.fromEntries([...best].map(([id, mention]) => [id, mention.evidence.trim()])),
  }
}

export function buildFeatures(document: Pick<ExtractedDocument, 'text'>, resume: ParsedResume): ResumeFeatures {
  const { best, skillIds, skillEvidence } = provenSkills(document, resume.skills)
  return {
    skillIds,
    skillEvidence,
    totalYears: Math.max(0, Math.min(60, Number.isFinite(resume.totalYears) ? resume.totalYears : 0)),
    educationRank: educationRank(resume.educationLevel),
    terms: resumeTermVector(document.text, { ...resume, skills: [...best.values()] }),
  }
}
