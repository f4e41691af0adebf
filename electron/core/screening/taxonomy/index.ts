import { readFile } from 'node:fs/promises'
import { buildTaxonomy, type Taxonomy } from './build'
import { taxonomyDataSchema } from './schema'

export type { SkillMatch } from './matcher'
export type { SuggestedSkill, SkillImportance } from './suggest'
export type { TaxonomyData, TaxonomyEntry } from './schema'
export type { RelatedSkills } from './related'
export { taxonomyDataSchema } from './schema'
export { buildTaxonomy, type Taxonomy, type TaxonomyCategory, type TaxonomyTransfer } from './build'

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

export async function loadTaxonomyFile(filePath: string): Promise<Taxonomy> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(filePath, 'utf8'))
  } catch (error) {
    throw new TaxonomyError(`Could not read the skill taxonomy at ${filePath}: ${(error as Error).message}`)
  }
  return parseTaxonomy(json)
}
