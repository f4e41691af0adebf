import type { Migration } from './types'

/**
 * An intake item the recruiter asked to import although the judge read it as not a resume ("Import
 * anyway"): it is read without that judgement. 0 for every other item.
 */
export const intakeAcceptNonResume: Migration = {
  version: 13,
  name: 'intake-accept-non-resume',
  async up(db) {
    await db.schema
      .alterTable('intake_items')
      .addColumn('accept_non_resume', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
  },
}
