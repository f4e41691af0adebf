import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RetentionPolicy, RetentionPreview } from '@shared/contract/rights'
import { assessmentWorld, type AssessmentWorld } from '../assessment/world'
import { fullCandidate, otherCandidate } from './rights-world'

const DAY = 24 * 60 * 60 * 1000

const worlds: AssessmentWorld[] = []
afterEach(async () => {
  while (worlds.length) await worlds.pop()!.close()
})

/** A clock the test moves by hand. */
function fakeClock() {
  let at = Date.now()
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

async function recordingAt(w: AssessmentWorld, id: string, startedAt: number) {
  const relative = `recordings/session-${id}/turn-000.wav`
  fs.mkdirSync(path.dirname(path.join(w.dataDir, relative)), { recursive: true })
  fs.writeFileSync(path.join(w.dataDir, relative), 'RIFF')
  await w.studio.db
    .insertInto('interview_recordings')
    .values({
      id,
      session_id: `session-${id}`,
      turn_index: 0,
      kind: 'audio',
      path: relative,
      status: 'complete',
      sample_rate: 16_000,
      bytes: 4,
      duration_ms: 10,
      answer_id: null,
      started_at: startedAt,
      ended_at: startedAt + 10,
    })
    .execute()
  return relative
}

describe('the retention policy', () => {
  it('is off until set, and then deletes exactly what its preview listed', async () => {
    const clock = fakeClock()
    const w = await assessmentWorld({ studio: { clock } })
    worlds.push(w)
    expect(await w.call<RetentionPolicy>('rights.retention', {})).toEqual({ candidateDays: null, recordingDays: null })

    const stale = await fullCandidate(w)
    clock.advance(10 * DAY)
    const recent = await otherCandidate(w)
    clock.advance(25 * DAY)
    const oldRecording = await recordingAt(w, 'rec-old', clock.now() - 6 * DAY)
    const newRecording = await recordingAt(w, 'rec-new', clock.now() - 1 * DAY)

    const policy = { candidateDays: 30, recordingDays: 5 }
    expect(await w.call('rights.setRetention', policy)).toEqual(policy)
    expect(await w.call('rights.retention', {})).toEqual(policy)
    const preview = await w.call<RetentionPreview>('rights.retentionPreview', {})
    expect(preview.candidates.map((c) => [c.id, c.name])).toEqual([[stale.candidateId, 'Zebediah Quillfeather']])
    expect(preview.recordings.map((r) => r.id).sort()).toEqual(['rec-old', 'rec-zebediah'])

    const { jobId } = await w.call<{ jobId: string }>('rights.runRetention', {})
    await w.drainQueue()
    const job = await w.studio.queue.get(jobId)
    expect(job.status).toBe('succeeded')

    const candidates = await w.studio.db.selectFrom('candidates').select('id').execute()
    expect(candidates.map((c) => c.id)).toEqual([recent])
    const recordings = await w.studio.db.selectFrom('interview_recordings').select('id').execute()
    expect(recordings.map((r) => r.id)).toEqual(['rec-new'])
    expect(fs.existsSync(path.join(w.dataDir, oldRecording))).toBe(false)
    expect(fs.existsSync(path.join(w.dataDir, stale.recording))).toBe(false)
    expect(fs.existsSync(path.join(w.dataDir, stale.resumePath))).toBe(false)
    expect(fs.existsSync(path.join(w.dataDir, newRecording))).toBe(true)

    // The daily run is queued for tomorrow, and a preview now lists nothing.
    const queued = await w.studio.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', 'rights.retention')
      .where('status', '=', 'queued')
      .execute()
    expect(queued.map((j) => j.run_at)).toEqual([(Math.floor(clock.now() / DAY) + 1) * DAY])
    const after = await w.call<RetentionPreview>('rights.retentionPreview', {})
    expect([after.candidates, after.recordings]).toEqual([[], []])
  })

  it('is refused to the kiosk', async () => {
    const w = await assessmentWorld()
    worlds.push(w)
    for (const name of ['rights.retention', 'rights.retentionPreview', 'rights.runRetention']) {
      const result = await w.studio.dispatch(name, {}, { audience: 'kiosk' })
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
  })
})
