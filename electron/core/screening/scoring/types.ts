import type { EducationLevelName, JobSkill, ScoreWeights } from '../../../../shared/contract/screening'
import type { TermVector } from './term-vector'

/** A job reduced to what scoring needs; built once per re-rank by `scoringJobOf`. */
export interface ScoringJob {
  requiredSkills: JobSkill[]
  preferredSkills: JobSkill[]
  minYears: number
  educationLevel: EducationLevelName
  weights: ScoreWeights
  /** The job's text as term hashes, repeated as often as they occur. */
  queryHashes: number[]
  /** The title's words that name the role (not its seniority): term hashes, each once, and neighbour pairs. */
  title: { terms: number[]; pairs: number[]; contrast: TitleContrast }
  /** For each of the job's taxonomy skills that has any, the skills that count as evidence toward it. */
  related: ReadonlyMap<string, ReadonlySet<string>>
  /** Skills outside the taxonomy, by skill id: matched as phrases (see fit.ts). */
  customSkills: ReadonlyMap<string, CustomSkillPhrase>
  /** The posting's word triples (requirements and description), each once, ascending: see copied.ts. */
  postingTriples: Uint32Array
}

/**
 * A candidate's title that names another role than the job's title (by the taxonomy's contrasts):
 * `theirs`, the other roles' forms; `ours`, the job's role's. Both empty when the job's title names
 * no role of a contrast.
 */
export interface ContrastPhrases {
  theirs: number[][]
  ours: number[][]
}

/**
 * The contrast's phrases in two fields: `now`, the role field (the headline and current title, what
 * the candidate is); `ever`, the title field (every title held), asked only when `now` names neither
 * side ("Senior QA Engineer (SDET)" over an earlier "QA Automation Engineer").
 */
export interface TitleContrast {
  now: ContrastPhrases
  ever: ContrastPhrases
}

export interface CustomSkillPhrase {
  /** Term hashes of its words, each once. */
  terms: number[]
  /** Pair hashes of its neighbouring words, in order (none for a one-word skill). */
  pairs: number[]
}

/** The skills a candidate has: a Set, or the stored `|id|id|` column answering for itself. */
export interface SkillSet extends Iterable<string> {
  has(skillId: string): boolean
}

/** What scoring needs about one candidate; stored precomputed in candidate_features. */
export interface CandidateFeatures {
  candidateId: string
  skillIds: SkillSet
  totalYears: number
  educationRank: number
  terms: TermVector
}

export type PartKey = keyof ScoreWeights

export interface ScoreBreakdown {
  /** 0..100, one decimal. */
  score: number
  /** Each applicable part's value in 0..1; parts that do not apply to this job are absent. */
  parts: Partial<Record<PartKey, number>>
  matched: string[]
  missing: string[]
  /** Missing skills given part credit for a related skill the candidate has (`via`). */
  related: { skillId: string; via: string }[]
  /**
   * The share of the posting's word pairs the resume holds word for word, when it is so large that
   * the resume copied the posting (its wording then counts nothing toward the match); else null.
   */
  copiedPosting: number | null
}
