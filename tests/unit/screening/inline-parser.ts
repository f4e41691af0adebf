import path from 'node:path'
import type { ResumeParser } from '../../../electron/main/screening/intake/resume-parser'
import { extractDocument } from '../../../electron/main/screening/extract'
import { readResume } from '../../../electron/main/screening/read'
import { loadTaxonomyFile } from '../../../electron/main/screening/taxonomy'

export const TAXONOMY_FILE = path.join(__dirname, '../../../resources/skills.json')

/** The reader's real extraction and reading, on this thread (the studio uses the worker pool). */
export async function inlineParser(): Promise<ResumeParser> {
  const taxonomy = await loadTaxonomyFile(TAXONOMY_FILE)
  return {
    concurrency: 1,
    async parse(bytes, fileName) {
      const outcome = await extractDocument(bytes, fileName)
      if (!outcome.ok) return outcome
      return { ok: true, document: outcome.document, resume: readResume(outcome.document, taxonomy) }
    },
    async close() {},
  }
}
