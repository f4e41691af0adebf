import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrations } from '@core/db/migrations'
import { openDatabase } from '@core/db/open'
import { silentLogger } from '@core/logger'
import { tempDir } from '../../helpers/temp-studio'

const clock = { now: () => 1_700_000_000_000 }

describe('migration 36: interview scheduling', () => {
  it('keeps earlier invitations as kiosk interviews with no application or place, and allows only known types', async () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const before = await openDatabase({
      file,
      clock,
      logger: silentLogger,
      migrations: migrations.filter((m) => m.version < 36),
    })
    await sql`insert into interview_invitations (id, org_id, created_at, updated_at, deleted_at, template_id,
        candidate_id, candidate_name, code_hash, status, expires_at, scheduled_at, started_at, completed_at, session_id)
      values ('i1', 'local', 1, 1, null, 't1', 'c1', 'Ada', 'h1', 'pending', 99, 50, null, null, null)`.execute(
      before.db,
    )
    await before.db.destroy()

    const after = await openDatabase({ file, clock, logger: silentLogger })
    try {
      const row = await after.db.selectFrom('interview_invitations').selectAll().executeTakeFirstOrThrow()
      expect(row).toMatchObject({
        id: 'i1',
        status: 'pending',
        scheduled_at: 50,
        expires_at: 99,
        kind: 'ai_interview',
        application_id: null,
        location: null,
      })
      expect(await after.db.selectFrom('invitation_changes').selectAll().execute()).toEqual([])
      await expect(
        sql`update interview_invitations set kind = 'carrier_pigeon' where id = 'i1'`.execute(after.db),
      ).rejects.toThrow(/CHECK constraint/)
    } finally {
      await after.db.destroy()
    }
  })
})
