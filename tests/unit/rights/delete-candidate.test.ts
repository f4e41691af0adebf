import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CandidateDeletion, DeletionPreview } from '@shared/contract/rights'
import { assessmentWorld, GOOD_ANSWERS, type AssessmentWorld } from '../assessment/world'
import { seedCandidate } from '../assessment/assessed-job'
import { EMAIL, everyTableText, filesUnder, fullCandidate, invited, NAME, NOTE, otherCandidate } from './rights-world'

const worlds: AssessmentWorld[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
})

async function world() {
  const w = await assessmentWorld()
  worlds.push(w)
  return w
}

/** What must not survive anywhere: who they are, what the recruiter wrote, what they said. */
const TRACES = [NAME, EMAIL, NOTE, ...GOOD_ANSWERS.map((a) => a.slice(0, 40))]

const count = (preview: DeletionPreview, kind: string) => preview.rows.find((r) => r.kind === kind)?.count ?? 0

describe('deleting a candidate everywhere', () => {
  it('previews, then removes every row and file that names them, leaving tombstones and other candidates', async () => {
    const w = await world()
    const { candidateId, sessionId, resumePath, recording } = await fullCandidate(w)
    const otherId = await otherCandidate(w)

    const preview = await w.call<DeletionPreview>('rights.deletePreview', { candidateId })
    for (const kind of [
      'candidate',
      'applications',
      'notes',
      'resume files',
      'resume texts',
      'interviews',
      'recordings',
    ])
      expect(count(preview, kind), kind).toBe(1)
    expect(count(preview, 'answers')).toBe(3)
    expect(count(preview, 'decisions')).toBe(1)
    for (const kind of ['assessments', 'answer scores', 'AI usage', 'queue jobs', 'status changes', 'invitations'])
      expect(count(preview, kind), kind).toBeGreaterThan(0)
    expect(preview.files).toEqual(expect.arrayContaining([resumePath, recording]))

    const deleted = await w.call<CandidateDeletion>('rights.deleteCandidate', { candidateId })
    expect(deleted.rows).toEqual(preview.rows)
    expect(deleted.filesNotRemoved).toEqual([])
    expect(fs.existsSync(path.join(w.dataDir, resumePath))).toBe(false)
    expect(fs.existsSync(path.join(w.dataDir, 'recordings', sessionId))).toBe(false)

    for (const [table, text] of await everyTableText(w))
      for (const trace of TRACES) expect(text.includes(trace), `${table} still holds "${trace}"`).toBe(false)
    for (const file of filesUnder(w.dataDir)) {
      const bytes = fs.readFileSync(path.join(w.dataDir, file)).toString('latin1')
      for (const trace of TRACES) expect(bytes.includes(trace), `${file} still holds "${trace}"`).toBe(false)
    }

    const log = await w.studio.db
      .selectFrom('change_log')
      .selectAll()
      .where('row_id', 'in', [candidateId, sessionId])
      .execute()
    expect(log.map((l) => [l.table_name, l.op]).sort()).toEqual([
      ['candidates', 'delete'],
      ['interview_sessions', 'delete'],
    ])
    expect(JSON.parse(log[0]!.fields)).toEqual({
      deleted_at: expect.any(Number),
      updated_at: expect.any(Number),
      erased: true,
    })

    const other = await w.studio.db.selectFrom('candidates').select('name').where('id', '=', otherId).executeTakeFirst()
    expect(other?.name).toBe('Other Person')
    const notes = await w.studio.db.selectFrom('candidate_notes').select('body').execute()
    expect(notes.map((n) => n.body)).toEqual(['Keep this note.'])

    await expect(w.call('rights.deleteCandidate', { candidateId })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('keeps a resume file another candidate imported with the same bytes', async () => {
    const w = await world()
    const { candidateId, resumePath } = await fullCandidate(w)
    const otherId = await otherCandidate(w)
    await w.studio.db.transaction().execute((trx) =>
      w.studio.writer.insert(trx, 'resume_files', {
        candidate_id: otherId,
        file_name: 'same.txt',
        content_hash: 'same',
        format: 'txt',
        size: 60,
        stored_path: resumePath,
        file_time: 1,
        pages: 1,
        flags: '[]',
      }),
    )
    const deleted = await w.call<CandidateDeletion>('rights.deleteCandidate', { candidateId })
    expect(deleted.files).not.toContain(resumePath)
    expect(fs.existsSync(path.join(w.dataDir, resumePath))).toBe(true)
  })

  it('waits while their interview is under way at the kiosk, and not for an interview left for hours', async () => {
    let now = Date.now()
    const w = await assessmentWorld({ studio: { clock: { now: () => now } } })
    worlds.push(w)
    const candidateId = await seedCandidate(w, NAME)
    const { token } = await w.studio.interviews.startSession(await invited(w, candidateId))
    const consent = { token, choice: 'consented' }
    expect((await w.studio.dispatch('interview.consent', consent, { audience: 'kiosk' })).ok).toBe(true)

    await expect(w.call('rights.deleteCandidate', { candidateId })).rejects.toMatchObject({ code: 'conflict' })
    expect(await w.studio.db.selectFrom('candidates').select('id').execute()).toHaveLength(1)
    now += 2 * 60 * 60 * 1000
    await w.call('rights.deleteCandidate', { candidateId })
    expect(await w.studio.db.selectFrom('candidates').select('id').execute()).toHaveLength(0)
  })

  it('is refused to the kiosk', async () => {
    const w = await world()
    const { candidateId } = await fullCandidate(w)
    for (const name of ['rights.deletePreview', 'rights.deleteCandidate']) {
      const result = await w.studio.dispatch(name, { candidateId }, { audience: 'kiosk' })
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(
      await w.studio.db.selectFrom('candidates').select('id').where('id', '=', candidateId).execute(),
    ).toHaveLength(1)
  })
})
