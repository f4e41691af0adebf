import { readResume } from '@core/screening/read'
import { buildFeatures } from '@core/screening/scoring/features'
import type { Taxonomy } from '@core/screening/taxonomy'
import type { ExtractedDocument } from '@core/screening/types'
import { FIXTURE_NOW } from '../fixtures/resumes'

/**
 * What a reading gives the score, to compare two readings of the same text: the features without
 * the evidence lines (which quote the text as laid out), the job titles read and the years.
 */
export function readingFeatures(document: ExtractedDocument, taxonomy: Taxonomy) {
  const parsed = readResume(document, taxonomy, { now: FIXTURE_NOW })
  const { skillEvidence: _evidence, ...rest } = buildFeatures(document, parsed)
  return { ...rest, employment: parsed.employment.map((job) => job.title), years: parsed.totalYears }
}
