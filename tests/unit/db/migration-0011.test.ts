import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrations } from '@core/db/migrations'
import { openDatabase } from '@core/db/open'
import { silentLogger } from '@core/logger'
import { tempDir } from '../../helpers/temp-studio'

const clock = { now: () => 1_700_000_000_000 }

describe('migration 11: skill evidence beside the features', () => {
  it('moves every stored feature row and its evidence intact, with the columns a re-rank reads first', async () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const before = await openDatabase({
      file,
      clock,
      logger: silentLogger,
      migrations: migrations.filter((m) => m.version < 11),
    })
    const terms = Buffer.from([2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 4, 0])
    const embedding = Buffer.from(new Float32Array([0.25, -0.5]).buffer)
    await sql`insert into candidate_features (candidate_id, file_id, skill_ids, skill_evidence, total_years, education_rank,
        doc_length, terms, embedding, embedding_model, updated_at)
      values ('c1', 'f1', '|python|', '{"python":"Built ETL in Python"}', 6.5, 3, 7, ${terms}, ${embedding}, 'm', 42),
             ('c2', 'f2', '', '{}', 0, 0, 0, ${terms}, null, null, 43)`.execute(before.db)
    await before.db.destroy()

    const after = await openDatabase({ file, clock, logger: silentLogger })
    const features = await after.db.selectFrom('candidate_features').selectAll().orderBy('candidate_id').execute()
    expect(features).toEqual([
      {
        candidate_id: 'c1',
        file_id: 'f1',
        updated_at: 42,
        total_years: 6.5,
        education_rank: 3,
        doc_length: 7,
        skill_ids: '|python|',
        terms,
        embedding_model: 'm',
        embedding,
      },
      {
        candidate_id: 'c2',
        file_id: 'f2',
        updated_at: 43,
        total_years: 0,
        education_rank: 0,
        doc_length: 0,
        skill_ids: '',
        terms,
        embedding_model: null,
        embedding: null,
      },
    ])
    expect(Object.keys(features[0]!).slice(0, 3)).toEqual(['candidate_id', 'file_id', 'updated_at'])
    expect(Object.keys(features[0]!).at(-1)).toBe('embedding')
    expect(await after.db.selectFrom('candidate_evidence').selectAll().orderBy('candidate_id').execute()).toEqual([
      { candidate_id: 'c1', skill_evidence: '{"python":"Built ETL in Python"}' },
      { candidate_id: 'c2', skill_evidence: '{}' },
    ])
    await after.db.destroy()
  })
})
