import {
  skillIdsOf,
  skillLabel,
  type EducationLevelName,
  type MatchedSkill,
  type MissingSkill,
  type ScorePart,
  type ScoreView,
} from '../../../../shared/contract/screening'
import type { ExperienceReading } from '../types'
import { describeEducation } from './education'
import { describeExperience, experienceSource } from './experience-label'
import type { ScoringJobSource } from './job-query'
import { partShares } from './score'
import type { PartKey, ScoreBreakdown } from './types'

export interface ExplainInput {
  job: ScoringJobSource
  breakdown: ScoreBreakdown
  /** skillId → the visible resume line that proves it (custom skills included when found). */
  evidence: Readonly<Record<string, string>>
  /** Every skill read from the resume, in the order found. */
  candidateSkills: readonly { skillId: string; name: string }[]
  totalYears: number
  /** How the years were read; absent for resumes read before it was recorded. */
  experience?: ExperienceReading
  educationLevel: EducationLevelName
  semantic: number | null
}

const LABELS: Record<PartKey, string> = {
  requiredSkills: 'Required skills',
  preferredSkills: 'Preferred skills',
  text: 'Text relevance',
  experience: 'Experience',
  education: 'Education',
}

// Years count for the job in proportion to the required skills the candidate has (see experienceFit).
const relevanceNote = (job: ScoringJobSource, breakdown: ScoreBreakdown) => {
  if (breakdown.copiedPosting !== null && job.requiredSkills.length) return ', not counted, as the skills are not'
  const share = breakdown.parts.requiredSkills
  return job.requiredSkills.length && share !== undefined && share < 1
    ? `, counted at ${Math.round(share * 100)}%, the share of required skills they have`
    : ''
}
const copiedShare = (share: number) => `${Math.round(share * 100)}%`
const years = (n: number) => `${Math.round(n * 10) / 10} year${n === 1 ? '' : 's'}`

function list(names: string[], max = 4): string {
  if (names.length <= max)
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '')
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`
}

/** Turns a score into what a recruiter reads: each part with its points, the skills and one paragraph. */
export function explainScore(input: ExplainInput): ScoreView {
  const { job, breakdown } = input
  const matchedIds = new Set(breakdown.matched)
  const jobSkills = [
    ...job.requiredSkills.map((s) => ({ ...s, kind: 'required' as const })),
    ...job.preferredSkills.map((s) => ({ ...s, kind: 'preferred' as const })),
  ]
  const matched: MatchedSkill[] = []
  const missing: MissingSkill[] = []
  const candidateSkillName = new Map(input.candidateSkills.map((s) => [s.skillId, s.name]))
  const relatedVia = new Map(breakdown.related.map((r) => [r.skillId, candidateSkillName.get(r.via) ?? r.via]))
  for (const skill of jobSkills) {
    const base = { skillId: skill.skillId, name: skillLabel(skill), kind: skill.kind, weight: skill.weight }
    const via = relatedVia.get(skill.skillId)
    if (matchedIds.has(skill.skillId)) {
      const evidence = skillIdsOf(skill)
        .map((id) => input.evidence[id])
        .find(Boolean)
      matched.push({ ...base, evidence: evidence ?? '' })
    } else missing.push(via ? { ...base, relatedVia: via } : base)
  }
  const asked = new Set(jobSkills.flatMap(skillIdsOf))
  const additional = input.candidateSkills
    .filter((s) => !asked.has(s.skillId))
    .map(({ skillId, name }) => ({ skillId, name }))

  const experience = input.experience && describeExperience(input.experience)
  const source = input.experience ? experienceSource(input.experience) : ''
  const qualifier = source ? ` (${source})` : ''
  const yearsRead =
    experience && experience.basis !== 'none' ? experience.label : `${years(input.totalYears)}${qualifier}`
  const relevance = relevanceNote(job, breakdown)
  const keys = Object.keys(breakdown.parts) as PartKey[]
  const shares = partShares(job.weights, keys)
  const count = (kind: 'required' | 'preferred') =>
    `${matched.filter((s) => s.kind === kind).length} of ${jobSkills.filter((s) => s.kind === kind).length}`
  const notCounted =
    breakdown.copiedPosting === null
      ? null
      : `Not counted: ${copiedShare(breakdown.copiedPosting)} of the job posting’s wording is in the resume word for word`
  const details: Record<PartKey, string> = {
    requiredSkills: notCounted ?? `${count('required')} required skills, by weight`,
    preferredSkills: notCounted ?? `${count('preferred')} preferred skills, by weight`,
    text:
      notCounted ??
      'How closely the resume’s wording matches the job (BM25F: its titles and skills count extra) and how much of the job title its titles claim, relative to the best resume for this job',
    experience: `${yearsRead} against a minimum of ${years(job.minYears)}${relevance}`,
    education: `${describeEducation(input.educationLevel)}; the job asks for ${describeEducation(job.educationLevel)}`,
  }
  const parts: ScorePart[] = keys.map((key) => {
    const value = breakdown.parts[key]!
    const share = shares[key]!
    return {
      key,
      label: LABELS[key],
      value,
      share,
      points: Math.round(value * share * 1000) / 10,
      detail: details[key],
    }
  })

  const sentences: string[] = []
  if (breakdown.copiedPosting !== null)
    sentences.push(
      `${copiedShare(breakdown.copiedPosting)} of the job posting’s wording (its runs of three neighbouring words) is in this resume word for word, as if pasted in, so neither its wording nor the skills it names are counted toward the match.`,
    )
  const named = (s: MissingSkill) => (s.relatedVia ? `${s.name} (has the related ${s.relatedVia})` : s.name)
  const missingRequired = missing.filter((s) => s.kind === 'required').map(named)
  const missingPreferred = missing.filter((s) => s.kind === 'preferred').map(named)
  const uncounted = breakdown.copiedPosting === null ? '' : ' (not counted)'
  if (job.requiredSkills.length) {
    sentences.push(
      missingRequired.length
        ? `Has ${count('required')} required skills${uncounted}; missing ${list(missingRequired)}.`
        : `Has all ${job.requiredSkills.length} required skills${uncounted}.`,
    )
  }
  if (job.preferredSkills.length) {
    sentences.push(
      missingPreferred.length
        ? `Has ${count('preferred')} preferred skills${uncounted}; missing ${list(missingPreferred)}.`
        : `Has all ${job.preferredSkills.length} preferred skills${uncounted}.`,
    )
  }
  if (job.minYears > 0) {
    const verdict = input.totalYears >= job.minYears ? 'meets' : 'is short of'
    sentences.push(
      `${years(input.totalYears)} of experience${qualifier} ${verdict} the ${years(job.minYears)} minimum${relevance}.`,
    )
  }
  if (job.educationLevel !== 'none') {
    const fit = breakdown.parts.education
    const verdict = fit === 1 ? 'met' : fit === 0.5 ? 'one level short' : 'not met'
    sentences.push(
      `Education: ${describeEducation(input.educationLevel)}; the job asks for ${describeEducation(job.educationLevel)} (${verdict}).`,
    )
  }
  if (additional.length)
    sentences.push(
      `Also brings ${list(
        additional.map((s) => s.name),
        6,
      )}.`,
    )

  return {
    score: breakdown.score,
    parts,
    matched,
    missing,
    additional,
    explanation: sentences.join(' '),
    semantic: input.semantic,
    ...(experience ? { experience } : {}),
  }
}
