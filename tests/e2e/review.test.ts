import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionDecisions } from '@shared/contract/interviews'
import { assessmentWorld, GOOD_ANSWERS, honestModel } from '../unit/assessment/world'
import { seedCandidate } from '../unit/assessment/assessed-job'
import { launchChromium } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

/*
 * The recruiter's review of a finished interview in Chromium over the web host. The data folder is
 * prepared by the real studio: a candidate applies to a job, takes the job's interview, and the
 * assessment runs against the AI wire stub. The first answer gets what the voice loop leaves behind
 * for a spoken answer (a WAV recording and word timings). Then the recruiter opens the review,
 * plays the recording, clicks a word, overrides a score with a reason and advances the candidate.
 */

/** With PANELIST_SHOTS_DIR set, the review is photographed open and decided. */
const SHOTS = process.env.PANELIST_SHOTS_DIR
const SECONDS = 6
const WORD_STEP = 0.25

/** A 16 kHz mono 16-bit WAV of a quiet tone: something a media element really plays. */
function toneWav(file: string, seconds: number) {
  const rate = 16_000
  const samples = rate * seconds
  const data = Buffer.alloc(samples * 2)
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(2000 * Math.sin((2 * Math.PI * 220 * i) / rate)), i * 2)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVEfmt ', 8)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(rate, 24)
  header.writeUInt32LE(rate * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(data.length, 40)
  fs.writeFileSync(file, Buffer.concat([header, data]))
}

let dir: string
let host: RunningHost | undefined
let browser: Browser
let sessionId: string

/** Interviews and assesses the candidate with the real studio on `dataDir`, then closes it. */
async function seed(dataDir: string) {
  const w = await assessmentWorld({ studio: { dataDir } })
  try {
    await w.setKey()
    w.stub.setScript({ chat: honestModel(GOOD_ANSWERS, 4) })
    const jobId = (await w.call<{ id: string }>('jobs.create', { title: 'Backend engineer' })).id
    const candidateId = await seedCandidate(w, 'Grace Hopper')
    await w.call('candidates.addToJob', { jobId, candidateIds: [candidateId] })
    const id = await w.interview(
      GOOD_ANSWERS.map((text) => ({ text })),
      { candidateId, candidateName: 'Grace Hopper', jobId },
    )
    await w.drainQueue()

    const answer = await w.studio.db
      .selectFrom('interview_answers')
      .select(['id', 'text'])
      .where('session_id', '=', id)
      .where('turn_index', '=', 0)
      .executeTakeFirstOrThrow()
    const relative = `recordings/${id}/turn-000-review.wav`
    fs.mkdirSync(path.join(dataDir, 'recordings', id), { recursive: true })
    toneWav(path.join(dataDir, relative), SECONDS)
    const words = answer.text
      .split(' ')
      .map((word, i) => ({ word, start: 0.2 + i * WORD_STEP, end: 0.2 + i * WORD_STEP + 0.2 }))
    await w.studio.db
      .updateTable('interview_answers')
      .set({ transcript_words: JSON.stringify(words), audio_path: relative })
      .where('id', '=', answer.id)
      .execute()
    await w.studio.db
      .insertInto('interview_recordings')
      .values({
        id: 'recording-review-1',
        session_id: id,
        turn_index: 0,
        kind: 'audio',
        path: relative,
        status: 'complete',
        sample_rate: 16_000,
        bytes: fs.statSync(path.join(dataDir, relative)).size,
        duration_ms: SECONDS * 1000,
        answer_id: answer.id,
        started_at: Date.now() - 10_000,
        ended_at: Date.now() - 4_000,
      })
      .execute()
    return id
  } finally {
    await w.close()
  }
}

beforeAll(async () => {
  dir = tempDir('panelist-review-e2e-')
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true })
  sessionId = await seed(dir)
  host = await startWebHost(dir)
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required'])
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const audioTime = (page: Page) =>
  page.evaluate(() => (document.querySelector('[data-testid="answer-audio"]') as HTMLAudioElement).currentTime)

describe('reviewing a finished interview', () => {
  it('plays the recording in step with the transcript, keeps an override and moves the candidate on a decision', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(String(e)))
    await page.goto(`${host!.url}#/review/${sessionId}`)

    const heading = page.getByRole('heading', { level: 1, name: /Review · Grace Hopper/ })
    await heading.waitFor({ timeout: budget(20_000) })
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('review-title')
    await page.getByText('Recommendation (advisory — you decide):').waitFor()
    await expect(page.getByTestId('consent').textContent()).resolves.toContain('Agreed on the kiosk')
    await expect(page.getByTestId('pipeline-status').textContent()).resolves.toContain('Interviewing')
    // The assessment's verified quote is lit up in the first answer's words.
    expect(await page.locator('[data-testid="transcript"] .word-quoted').count()).toBeGreaterThan(0)
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'review-open.png'), fullPage: true })

    // Play the recording, then click the tenth word: the player moves to where it was said.
    await page.evaluate(() => (document.querySelector('[data-testid="answer-audio"]') as HTMLAudioElement).play())
    await expect.poll(() => audioTime(page), { timeout: budget(10_000) }).toBeGreaterThan(0.2)
    const word = page.locator('[data-testid="transcript"] button.word').nth(9)
    const start = Number(await word.getAttribute('data-start'))
    expect(start).toBeCloseTo(0.2 + 9 * WORD_STEP, 5)
    await page.evaluate(() => (document.querySelector('[data-testid="answer-audio"]') as HTMLAudioElement).pause())
    await word.click()
    await expect.poll(() => audioTime(page)).toBeCloseTo(start, 1)
    await expect.poll(() => word.getAttribute('aria-current')).toBe('true')

    // Override the first answer's depth with a reason; it stands beside the assessment's score.
    await page.getByRole('button', { name: 'Override Depth of answer 1' }).click()
    const form = page.getByRole('form', { name: 'Override Depth of answer 1' })
    await form.getByLabel(/New score/).selectOption('2')
    await form.getByLabel('Reason').fill('The cache answer never said how entries are invalidated.')
    await form.getByRole('button', { name: 'Save override' }).click()
    await page.getByText('The cache answer never said how entries are invalidated.').waitFor()
    await expect(page.locator('.override-note').textContent()).resolves.toMatch(
      /^Overridden by recruiter .+ \(assessment gave 4\/5\): The cache answer never said/,
    )

    // Advance: the button says where the candidate goes, and the status changes.
    await page.getByLabel('Note (optional)').fill('Strong on caching; probe testing in the panel.')
    await page.getByRole('button', { name: 'Advance → Offer' }).click()
    await page.getByText('Advance recorded. The candidate moved to Offer.').waitFor()
    await expect.poll(() => page.getByTestId('pipeline-status').textContent()).toContain('Offer')
    await expect(page.getByTestId('decision-history').textContent()).resolves.toContain(
      'Interviewing → Offer: Strong on caching; probe testing in the panel.',
    )
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'review-decided.png'), fullPage: true })

    const rpc = await hostSocket(host!.url)
    const stored = await rpc.call<SessionDecisions>('assessments.decisions', { sessionId })
    rpc.close()
    expect(stored.pipeline?.status).toBe('offer')
    expect(stored.decisions[0]).toMatchObject({ decision: 'advance', pipeline: { from: 'interviewing', to: 'offer' } })
    expect(stored.overrides[0]).toMatchObject({ dimension: 'depth', originalScore: 4, score: 2 })
    expect(problems).toEqual([])
  })
})
