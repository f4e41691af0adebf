import type { Migration } from './types'

/**
 * A stored score keeps the share of the job posting the resume copied word for word, when it was
 * enough to count as a copy (see scoring/copied.ts), so the ranked list can flag it; null otherwise.
 */
export const scoreCopiedPosting: Migration = {
  version: 12,
  name: 'score-copied-posting',
  async up(db) {
    await db.schema.alterTable('application_scores').addColumn('copied_posting', 'real').execute()
  },
}
