import type { ExtractedDocument, ParsedResume, SectionName, SkillMention } from '../types'
import { educationRank } from './education'
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

/** Where a mention is the strongest proof: doing it in a job beats listing it. */
const SECTION_STRENGTH: Record<SectionName | 'other', number> = {
  experience: 0,
  projects: 1,
  summary: 2,
  certifications: 3,
  skills: 4,
  education: 5,
  other: 6,
}

/**
 * Keeps a mention only when its evidence is text a human reader can see. The reader already takes
 * evidence from visible text; checking again here means hidden text can never count, whatever a
 * future reader does.
 */
export function visibleMentions(
  document: Pick<ExtractedDocument, 'text'>,
  skills: readonly SkillMention[],
): SkillMention[] {
  return skills.filter((mention) => {
    const evidence = mention.evidence.trim()
    return evidence.length > 0 && document.text.includes(evidence)
  })
}

export function buildFeatures(document: Pick<ExtractedDocument, 'text'>, resume: ParsedResume): ResumeFeatures {
  const best = new Map<string, SkillMention>()
  for (const mention of visibleMentions(document, resume.skills)) {
    const current = best.get(mention.skillId)
    if (!current || SECTION_STRENGTH[mention.section] < SECTION_STRENGTH[current.section])
      best.set(mention.skillId, mention)
  }
  return {
    skillIds: [...best.keys()],
    skillEvidence: Object.fromEntries([...best].map(([id, mention]) => [id, mention.evidence.trim()])),
    totalYears: Math.max(0, Math.min(60, Number.isFinite(resume.totalYears) ? resume.totalYears : 0)),
    educationRank: educationRank(resume.educationLevel),
    terms: buildTermVector(tokenize(document.text)),
  }
}
