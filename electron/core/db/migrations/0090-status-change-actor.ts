import type { Migration } from './types'

/**
 * Who moved a candidate: the signed-in account's email when a person made the move, null for the
 * studio's own moves (an interview starting) and for moves made before anyone signed in. It syncs
 * with the row, so a team's boards say who moved whom.
 */
export const statusChangeActor: Migration = {
  version: 90,
  name: 'status_change_actor',
  async up(db) {
    await db.schema.alterTable('status_changes').addColumn('actor', 'text').execute()
  },
}
