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
  return parseTaxonomy((await readTaxonomyFile(filePath)).json)
}

/** The taxonomy file's text and its JSON, not yet validated. */
export async function readTaxonomyFile(filePath: string): Promise<{ text: string; json: unknown }> {
  try {
    const text = await readFile(filePath, 'utf8')
    return { text, json: JSON.parse(text) as unknown }
  } catch (error) {
    throw new TaxonomyError(`Could not read the skill taxonomy at ${filePath}: ${(error as Error).message}`)
  }
}
