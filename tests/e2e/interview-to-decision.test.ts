import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionAssessments, SessionDecisions, SessionDetail, SessionSummary } from '@shared/contract/interviews'
import type { CandidateList } from '@shared/contract/screening'
import { startAiStub, type AiStub } from '../harness/ai-stub'
import { pausedAnswer, requireAudioTools } from '../fixtures/audio/speech'
import { launchKioskChromium } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
import { controlledMicrophone, speakOneAnswer } from '../helpers/kiosk-page'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
import { firstWords, honestModel } from '../unit/assessment/world'

/**
 * The product's core promise, end to end in Chromium with real speech: a candidate who applied to a
 * job answers aloud at the kiosk (espeak-ng through the page's microphone, thinking pauses and all);
 * the interview ends, its assessment runs against the AI wire stub and quotes the spoken words; the
 * recruiter opens the review, plays the recording, clicks a word and the player goes there,
 * overrides a score with a reason, advances the candidate, and prints the report, whose PDF text
 * holds a quote the assessment verified against the transcript.
 */

const SENTENCES = [
  'We had a checkout page that took four seconds to load',
  'So first I measured where the time went',
  'The slowest part was a query without an index',
]
const ANSWER = SENTENCES.map((s) => `${s}.`).join(' ')

let browser: Browser
let stub: AiStub
let host: RunningHost | undefined
let dir: string
let answerPcm: Uint8Array
let hello: Uint8Array

beforeAll(async () => {
  requireAudioTools()
  dir = tempDir('panelist-journey-')
  ;({ answer: answerPcm, hello } = pausedAnswer(dir, SENTENCES, [1, 1]))
  stub = await startAiStub({
    script: {
      transcripts: SENTENCES.map((s) => `${s}.`),
      chat: [
        // The assessment's three passes, quoting the words the candidate said.
        ...honestModel([ANSWER], 4),
        { when: { systemIncludes: 'has just paused' }, reply: JSON.stringify({ complete: false }) },
        {
          when: { json: true },
          reply: JSON.stringify({ score: 4, coveredPoints: [], note: 'A specific answer.', followUp: null }),
        },
        { when: { json: false }, reply: 'Thank you.' },
      ],
    },
    latency: { firstTokenMs: 100, tokenIntervalMs: 20, responseMs: 50, firstAudioByteMs: 50, sttFinalDelayMs: 150 },
  })
  browser = await launchKioskChromium()
})

afterAll(async () => {
  await host?.stop('SIGKILL')
  await browser?.close()
  await stub?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

type Rpc = Awaited<ReturnType<typeof hostSocket>>

/** A job, Ada's resume imported into it, and a published one-question interview for the job. */
async function prepare(rpc: Rpc) {
  await rpc.call('secrets.set', { name: 'openai.apiKey', value: 'sk-e2e-journey' })
  await rpc.call('secrets.set', { name: 'deepgram.apiKey', value: 'dg-e2e-journey' })
  const job = await rpc.call<{ id: string }>('jobs.create', { title: 'Performance engineer', description: 'SQL' })
  const resume =
    'Ada Lovelace\nada@example.com\nPerformance engineer, 2018 - present\nSkills: SQL, PostgreSQL, Python\n'
  await rpc.call('intake.importFiles', {
    jobId: job.id,
    files: [{ name: 'ada.txt', size: resume.length, lastModified: 0, base64: Buffer.from(resume).toString('base64') }],
  })
  let candidateId: string | undefined
  await expect
    .poll(
      async () =>
        (candidateId = (await rpc.call<CandidateList>('candidates.list', { jobId: job.id })).items[0]?.candidateId),
      { timeout: budget(30_000) },
    )
    .toBeTruthy()
  const template = await rpc.call<{ id: string }>('templates.create', {
    name: 'Performance screen',
    jobId: job.id,
    settings: { maxQuestions: 1, maxDurationMinutes: 30, maxFollowUps: 0 },
  })
  await rpc.call('questions.add', {
    templateId: template.id,
    question: {
      text: 'Tell me about a slow system you made fast.',
      type: 'open_voice',
      difficulty: 'standard',
      rubric: [{ name: 'Specifics', description: 'Names what was measured and changed', weight: 3 }],
    },
  })
  await rpc.call('templates.publish', { id: template.id })
  const { code } = await rpc.call<{ code: string }>('invitations.create', {
    templateId: template.id,
    candidateId: candidateId!,
    candidateName: 'Ada Lovelace',
  })
  return code
}

const audioTime = (page: Page) =>
  page.evaluate(() => (document.querySelector('[data-testid="answer-audio"]') as HTMLAudioElement).currentTime)

describe('from a spoken interview to a decision', () => {
  it('assesses what was said, and the recruiter reviews, overrides, advances and prints the report', async () => {
    host = await startWebHost(tempDir('panelist-journey-data-'), {
      PANELIST_OPENAI_BASE_URL: stub.openaiBaseUrl,
      PANELIST_DEEPGRAM_BASE_URL: stub.deepgramBaseUrl,
    })
    const rpc = await hostSocket(host.url)
    const code = await prepare(rpc)

    const kiosk = await browser.newPage()
    kiosk.setDefaultTimeout(budget(30_000))
    const problems: string[] = []
    kiosk.on('pageerror', (error) => problems.push(error.message))
    await controlledMicrophone(kiosk)
    await kiosk.goto(host.kioskUrl)
    await speakOneAnswer(kiosk, code, 'Ada Lovelace', { hello, answer: answerPcm })
    // The voluntary questions at the end: answering holds the screen, and nothing is shown back.
    await kiosk.getByRole('group', { name: 'Sex' }).getByLabel('Female').check()
    await kiosk.getByRole('group', { name: 'Age band' }).getByLabel('Prefer not to say').check()
    await kiosk.getByText('This screen stays while you answer.').waitFor()
    await kiosk.getByRole('button', { name: 'Save my answers' }).click()
    await kiosk.getByRole('status').filter({ hasText: 'Your answers are saved apart from your interview.' }).waitFor()

    const sessionId = (await rpc.call<SessionSummary[]>('sessions.list', {}))[0]!.id
    const { candidateId } = await rpc.call<SessionDetail>('sessions.get', { id: sessionId })
    expect(await rpc.call('fairness.selfId', { candidateId })).toEqual({
      sex: 'female',
      race: null,
      ageBand: 'prefer_not_to_say',
    })
    let assessed: SessionAssessments | undefined
    await expect
      .poll(
        async () => (assessed = await rpc.call<SessionAssessments>('assessments.get', { sessionId })).latest?.kind,
        {
          timeout: budget(60_000),
        },
      )
      .toBe('ai')
    // The per-answer pass quoted the first words the candidate said, and the check found them in the transcript.
    const quote = firstWords(ANSWER)
    expect(JSON.stringify(assessed!.latest)).toContain(quote)

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.setDefaultTimeout(budget(30_000))
    page.on('pageerror', (error) => problems.push(error.message))
    await page.goto(`${host.url}#/review/${sessionId}`)
    await page.getByRole('heading', { level: 1, name: /Review · Ada Lovelace/ }).waitFor()
    await page.getByText('Recommendation (advisory — you decide):').waitFor()
    await expect(page.getByTestId('pipeline-status').textContent()).resolves.toContain('Interviewing')
    expect(await page.locator('[data-testid="transcript"] .word-quoted').count()).toBeGreaterThan(0)

    // The real recording plays; a click on a later word moves the player to where it was said.
    const audio = page.locator('[data-testid="answer-audio"]').first()
    await audio.evaluate((element: HTMLAudioElement) => element.play())
    await expect.poll(() => audioTime(page), { timeout: budget(10_000) }).toBeGreaterThan(0)
    await audio.evaluate((element: HTMLAudioElement) => element.pause())
    const word = page.locator('[data-testid="transcript"] button.word').nth(12)
    const start = Number(await word.getAttribute('data-start'))
    expect(start).toBeGreaterThan(1)
    await word.click()
    await expect.poll(() => audioTime(page)).toBeCloseTo(start, 1)

    await page.getByRole('button', { name: 'Override Depth of answer 1' }).click()
    const form = page.getByRole('form', { name: 'Override Depth of answer 1' })
    await form.getByLabel(/New score/).selectOption('3')
    await form.getByLabel('Reason').fill('Named the index but not how the fix was verified.')
    await form.getByRole('button', { name: 'Save override' }).click()
    await page.getByText('Named the index but not how the fix was verified.').waitFor()
    await page.getByRole('button', { name: 'Advance → Offer' }).click()
    await page.getByText('Advance recorded. The candidate moved to Offer.').waitFor()
    const decided = await rpc.call<SessionDecisions>('assessments.decisions', { sessionId })
    expect(decided.pipeline?.status).toBe('offer')
    expect(decided.overrides[0]).toMatchObject({ dimension: 'depth', score: 3 })

    await page.goto(`${host.url}#/reports/${sessionId}`)
    await page.getByRole('heading', { name: 'Assessment report · Ada Lovelace' }).waitFor()
    await page.emulateMedia({ media: 'print' })
    const pdfPath = path.join(dir, 'report.pdf')
    fs.writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }))
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain(quote)
    expect(text).toMatch(/Advance, by .+/)
    expect(problems).toEqual([])
    rpc.close()
  })
})
