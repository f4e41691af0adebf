import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { poolParser } from '@core/screening/intake/pool-parser'
import type { ResumeParser } from '@core/screening/intake/resume-parser'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'

/**
 * The shipped taxonomy and a parse pool over it for one test file: loaded before its tests, the
 * pool closed after them. Read the fields inside tests, once `beforeAll` has run.
 */
export function useScreeningParser(): { taxonomy: Taxonomy; parser: ResumeParser } {
  const shared = {} as { taxonomy: Taxonomy; parser: ResumeParser }
  beforeAll(async () => {
    shared.taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
    shared.parser = poolParser({ taxonomy: shared.taxonomy.transfer })
  })
  afterAll(() => shared.parser.close())
  return shared
}
