import { readFile } from 'node:fs/promises'
import type { TaxonomySkill } from '../types'
import { SkillMatcher, type SkillMatch } from './matcher'
import { taxonomyDataSchema, type TaxonomyData } from './schema'
import { relatedSkillsOf, type RelatedSkills } from './related'
import { suggestFromMatches, type SuggestedSkill } from './suggest'

export type { SkillMatch } from './matcher'
export type { SuggestedSkill, SkillImportance } from './suggest'
export type { TaxonomyData, TaxonomyEntry } from './schema'
export type { RelatedSkills } from './related'
export { taxonomyDataSchema } from './schema'

export interface TaxonomyCategory {
  id: string
  name: string
}

/** The skill taxonomy, validated and indexed once; every method is pure and safe to share. */
export interface Taxonomy {
  readonly skills: readonly TaxonomySkill[]
  readonly categories: readonly TaxonomyCategory[]
  /** The raw validated data, e.g. to hand to a worker thread that builds its own index. */
  readonly data: TaxonomyData
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

export class TaxonomyError extends Error {
  override readonly name = 'TaxonomyError'
}

/** Validates taxonomy JSON (see resources/skills.json) and builds its matcher. */
export function parseTaxonomy(json: unknown): Taxonomy {
  const parsed = taxonomyDataSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new TaxonomyError(`The skill taxonomy is invalid: ${first.join('; ')}`)
  }
  return buildTaxonomy(parsed.data)
}

/**
 * Builds the matcher from data parseTaxonomy has already validated, as a parse worker receives it
 * from its pool: validating it again there cost each worker about 40 ms of its start.
 */
export function buildTaxonomy(data: TaxonomyData): Taxonomy {
  const skills: TaxonomySkill[] = data.skills.map(({ id, name, aliases, category }) => ({
    id,
    name,
    aliases,
    category,
  }))
  const byId = new Map(skills.map((skill) => [skill.id, skill]))
  const matcher = new SkillMatcher(data.skills, byId)
  return {
    skills,
    categories: data.categories,
    data,
    byId: (id) => byId.get(id),
    resolve: (form) => matcher.resolve(form),
    findSkills: (text) => matcher.find(text),
    suggestSkills: (description) => suggestFromMatches(description, matcher.find(description)),
    related: relatedSkillsOf(skills),
  }
}

export async function loadTaxonomyFile(filePath: string): Promise<Taxonomy> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(filePath, 'utf8'))
  } catch (error) {
    throw new TaxonomyError(`Could not read the skill taxonomy at ${filePath}: ${(error as Error).message}`)
  }
  return parseTaxonomy(json)
}
