import { sql } from 'kysely'
import { syncedColumns } from './synced-columns'
import type { Migration } from './types'

/** Files put in the workspace's storage by file sync (see electron/core/files/tables.ts). */
export const workspaceFiles: Migration = {
  version: 160,
  name: 'workspace_files',
  async up(db) {
    await syncedColumns(db.schema.createTable('workspace_files'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('resume','recording')`))
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .addColumn('turn_index', 'integer')
      .addColumn('answer_id', 'text')
      .addColumn('media', 'text')
      .addColumn('duration_ms', 'integer')
      .addColumn('recording_status', 'text')
      .execute()
    await db.schema.createIndex('workspace_files_source').on('workspace_files').column('source_id').execute()
    await db.schema.createIndex('workspace_files_session').on('workspace_files').column('session_id').execute()
    await db.schema.createIndex('workspace_files_candidate').on('workspace_files').column('candidate_id').execute()
    await db.schema.createIndex('workspace_files_sha256').on('workspace_files').column('sha256').execute()
  },
}
