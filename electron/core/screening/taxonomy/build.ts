import type { TaxonomySkill } from '../types'
import { indexSkills, SkillMatcher, type MatcherIndex, type SkillMatch } from './matcher'
import { relatedSkillsOf, type RelatedSkills } from './related'
import type { TaxonomyData } from './schema'
import { suggestFromMatches, type SuggestedSkill } from './suggest'

export interface TaxonomyCategory {
  id: string
  name: string
}

/** The skill taxonomy, validated and indexed once; every method is pure and safe to share. */
export interface Taxonomy {
  readonly skills: readonly TaxonomySkill[]
  readonly categories: readonly TaxonomyCategory[]
  /** The raw validated data. */
  readonly data: TaxonomyData
  /** What a parse worker is sent to have the same taxonomy (see taxonomyFromTransfer). */
  readonly transfer: TaxonomyTransfer
  byId(id: string): TaxonomySkill | undefined
  /** The skill named exactly by a name or alias, ignoring case: "JS" → JavaScript, "k8s" → Kubernetes. */
  resolve(nameOrAlias: string): TaxonomySkill | undefined
  /** Every mention of a taxonomy skill, with the line it occurs on. */
  findSkills(text: string): SkillMatch[]
  /** The skills a job description asks for, required ones first. */
  suggestSkills(description: string): SuggestedSkill[]
  /** The skills that count as evidence toward one (see related.ts). */
  related: RelatedSkills
}

/**
 * A taxonomy as a parse worker receives it by message: the data, the skills and the matcher's index
 * built on the sending side. Indexing the names is about 50 ms in a new thread, where the code runs
 * cold; receiving it is about 20 ms. Validating again is not needed either (parseTaxonomy did).
 */
export interface TaxonomyTransfer {
  data: TaxonomyData
  skills: TaxonomySkill[]
  index: MatcherIndex
}

/** Builds the matcher from data parseTaxonomy has already validated. */
export function buildTaxonomy(data: TaxonomyData): Taxonomy {
  const skills: TaxonomySkill[] = data.skills.map(({ id, name, aliases, category }) => ({
    id,
    name,
    aliases,
    category,
  }))
  const index = indexSkills(data.skills, new Map(skills.map((skill) => [skill.id, skill])))
  return taxonomyFromTransfer({ data, skills, index })
}

/**
 * The taxonomy from what another thread built. This module loads neither zod nor the file system,
 * so neither loads in a parse worker (about 30 ms of its start).
 */
export function taxonomyFromTransfer(transfer: TaxonomyTransfer): Taxonomy {
  const { data, skills, index } = transfer
  const byId = new Map(skills.map((skill) => [skill.id, skill]))
  const matcher = new SkillMatcher(index)
  const related = relatedSkillsOf(data)
  const standIn = (a: string, b: string) => related(a).includes(b)
  return {
    skills,
    categories: data.categories,
    data,
    transfer,
    byId: (id) => byId.get(id),
    resolve: (form) => matcher.resolve(form),
    findSkills: (text) => matcher.find(text),
    suggestSkills: (description) => suggestFromMatches(description, matcher.find(description), standIn),
    related,
  }
}
