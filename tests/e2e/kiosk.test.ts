import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionDetail, SessionSummary } from '@shared/contract/interviews'
import { PRACTICE_QUESTION } from '@shared/contract/kiosk'
import { startAiStub, type AiStub } from '../harness/ai-stub'
import { probeDuration, requireAudioTools, spokenAnswer } from '../fixtures/audio/speech'
import { launchKioskChromium } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
import { enterInterview } from '../helpers/kiosk-page'
import { sweepForSecrets } from '../helpers/secret-sweep'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

/**
 * The candidate's whole interview in Chromium over the web host, with a fake camera and a
 * microphone that plays real speech (espeak-ng, resampled to 48 kHz by sox; Chromium loops the
 * file, so the candidate answers every few seconds). The host talks to the AI wire stub with the
 * real OpenAI and Deepgram SDKs. Midway through an answer the host is killed with SIGKILL and
 * started again: the kiosk reloads by itself and resumes at the same question.
 */

const TRANSCRIPTS = [
  'I have led a team of five engineers on our checkout service.',
  'We moved the slowest queries behind a cache and cut latency in half.',
  'I would measure first and then change one thing at a time.',
  'I write tests around the behaviour before I refactor anything.',
  'I explain the trade-off and let the data settle the argument.',
]

const RUBRIC = [{ name: 'Relevance', description: 'Answers with a concrete example', weight: 3 }]
const QUESTIONS = [
  { text: 'Tell me about your team.', type: 'open_voice' },
  { text: 'Describe a slow system you fixed.', type: 'open_voice' },
  { text: 'How do you learn a new codebase?', type: 'technical' },
  { text: 'Show us how you explain testing.', type: 'video' },
  { text: 'How do you settle a disagreement?', type: 'behavioural_star' },
].map((q) => ({ ...q, difficulty: 'standard', rubric: RUBRIC }))

let browser: Browser
let stub: AiStub
/** Canary API keys: each must reach its provider's header and nowhere else. */
const KEYS = ['sk-e2e-canary-openai-7f3a9c', 'dg-e2e-canary-deepgram-51b2e8'] as const
let host: RunningHost | undefined
let dir: string
let fakeMic: string

beforeAll(async () => {
  requireAudioTools()
  dir = tempDir('panelist-kiosk-e2e-')
  // Half a second of silence, the answer, then a pause long enough for the answer to end (2.5 s) and
  // for the grace window after it (3 s) to pass: the next loop answers the next question instead of
  // continuing this one.
  fakeMic = spokenAnswer(dir, 'candidate', 'I have led a small team that builds our checkout service', {
    sampleRate: 48_000,
    leadSec: 0.5,
    tailSec: 6,
  }).path
  stub = await startAiStub({
    script: {
      transcripts: TRANSCRIPTS,
      chat: [
        {
          when: { json: true },
          reply: JSON.stringify({ score: 3, coveredPoints: [], note: 'A relevant answer.', followUp: null }),
        },
        { when: { json: false }, reply: 'Thank you.' },
      ],
    },
    latency: {
      firstTokenMs: 150,
      tokenIntervalMs: 20,
      responseMs: 100,
      firstAudioByteMs: 80,
      audioChunkIntervalMs: 20,
      sttFinalDelayMs: 150,
    },
  })
  browser = await launchKioskChromium(fakeMic)
})

afterAll(async () => {
  await host?.stop('SIGKILL')
  await browser?.close()
  await stub?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function session(rpc: Awaited<ReturnType<typeof hostSocket>>): Promise<SessionDetail> {
  const [summary] = await rpc.call<SessionSummary[]>('sessions.list', {})
  return rpc.call<SessionDetail>('sessions.get', { id: summary!.id })
}

/** What the kiosk shows: the question heading, the status line and the captions. */
const screen = (page: Page) =>
  page.evaluate(() => ({
    question: document.querySelector('#kiosk-question')?.textContent ?? null,
    head: document.querySelector('.kiosk-interview-head')?.textContent ?? '',
    status: document.querySelector('.kiosk-phase')?.textContent ?? '',
    captions: document.querySelector('[data-testid="captions"][data-heard="yes"]')?.textContent ?? '',
  }))

interface ScreenSample {
  question: string | null
  captions: string
  interviewer: string | null
}

declare global {
  interface Window {
    __screens?: ScreenSample[]
  }
}

/** Keeps every distinct state of the question, the captions and the interviewer's line as the page changes. */
async function recordScreens(page: Page) {
  await page.evaluate(() => {
    const samples: ScreenSample[] = (window.__screens = [])
    const sample = () => {
      const next = {
        question: document.querySelector('#kiosk-question')?.textContent ?? null,
        captions: document.querySelector('[data-testid="captions"][data-heard="yes"]')?.textContent ?? '',
        interviewer: document.querySelector('.kiosk-interviewer')?.textContent ?? null,
      }
      const last = samples[samples.length - 1]
      if (!last || JSON.stringify(last) !== JSON.stringify(next)) samples.push(next)
    }
    sample()
    new MutationObserver(sample).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    })
  })
}

/**
 * An answer's words never stay on screen under the next question, and the interviewer's line is
 * never an empty label (a reply interrupted before its first words has none to show).
 */
function expectCaptionsBelongToTheirQuestion(samples: ScreenSample[]) {
  const questionsOfCaption = new Map<string, Set<string | null>>()
  for (const { question, captions } of samples) {
    // Every answer starts with "I": the first words of two answers are alike, four are not.
    if (captions.split(' ').length < 4) continue
    questionsOfCaption.set(captions, (questionsOfCaption.get(captions) ?? new Set()).add(question))
  }
  expect(new Set(samples.map((s) => s.question)).size).toBeGreaterThanOrEqual(3)
  expect(questionsOfCaption.size).toBeGreaterThan(0)
  for (const [captions, questions] of questionsOfCaption)
    expect([captions, [...questions]]).toEqual([captions, [...questions].slice(0, 1)])
  for (const { interviewer } of samples)
    if (interviewer !== null) expect(interviewer.replace('Interviewer:', '').trim()).not.toBe('')
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * The fake microphone loops its file without regard to when a question ends, so on a busy machine
 * an answer may open midway through the spoken sentence: how much speech it holds depends on the
 * machine. What must hold on any machine is that voiced time was measured (at least the 300 ms an
 * answer needs before silence may end it: answer-endpoint.ts ends one at exactly 300) and that it
 * fits inside the recording on disk.
 */
function expectSpeechWithinRecording(answer: SessionDetail['answers'][number], dataDir: string) {
  const recordedSec = probeDuration(path.join(dataDir, answer.audioPath!)) ?? 0
  expect(recordedSec).toBeGreaterThan(1)
  const speechMs = answer.speechMs ?? 0
  expect(speechMs).toBeGreaterThanOrEqual(300)
  expect(speechMs / 1000).toBeLessThanOrEqual(recordedSec)
}

describe('kiosk interview in Chromium over the web host', () => {
  it(
    'runs a five-question voice interview, survives a SIGKILL mid-answer, and keeps every answer and recording',
    async () => {
      const dataDir = tempDir('panelist-kiosk-data-')
      const env = { PANELIST_OPENAI_BASE_URL: stub.openaiBaseUrl, PANELIST_DEEPGRAM_BASE_URL: stub.deepgramBaseUrl }
      host = await startWebHost(dataDir, env)
      const ports = { PANELIST_PORT: new URL(host.url).port, PANELIST_KIOSK_PORT: new URL(host.kioskUrl).port }
      let rpc = await hostSocket(host.url)
      await rpc.call('secrets.set', { name: 'openai.apiKey', value: KEYS[0] })
      await rpc.call('secrets.set', { name: 'deepgram.apiKey', value: KEYS[1] })
      await rpc.call('kiosk.setPin', { pin: '4321' })
      // A resume screened with the keys set, so the secret sweep at the end covers screening too.
      const resume = 'Grace Hopper\ngrace@example.com\nBackend engineer, 2015 - present\nGo, PostgreSQL, Kafka\n'
      await rpc.call('intake.importFiles', {
        files: [
          { name: 'grace.txt', size: resume.length, lastModified: 0, base64: Buffer.from(resume).toString('base64') },
        ],
      })
      const template = await rpc.call<{ id: string }>('templates.create', {
        name: 'Backend engineer',
        settings: { maxQuestions: 5, maxDurationMinutes: 60, maxFollowUps: 0 },
      })
      for (const question of QUESTIONS) await rpc.call('questions.add', { templateId: template.id, question })
      await rpc.call('templates.publish', { id: template.id })
      const { code } = await rpc.call<{ code: string }>('invitations.create', {
        templateId: template.id,
        candidateId: 'cand-e2e',
        candidateName: 'Grace',
      })

      const page = await browser.newPage()
      page.setDefaultTimeout(budget(30_000))
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(host.kioskUrl)

      // Code → consent: nothing is captured before the candidate agrees.
      await page.getByLabel('Interview code').fill(code)
      await page.getByRole('button', { name: 'Start' }).click()
      await page.getByRole('heading', { name: 'Hello, Grace' }).waitFor()
      expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(0)
      await page.getByLabel(/I have read this and agree/).check()
      await page.getByRole('button', { name: 'I agree, continue' }).click()

      // Device check: the camera preview plays, the meter hears the speech, the speaker test is confirmed.
      await page.getByText('We can hear you.').waitFor({ timeout: budget(20_000) })
      await page.waitForFunction(
        () => ((document.querySelector('video.kiosk-preview') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0,
      )
      await page.getByRole('button', { name: 'Play test sound' }).click()
      await page.getByRole('button', { name: 'I heard it' }).click()
      await page.getByRole('button', { name: 'Continue' }).click()

      // The practice question is spoken, answered and captioned, then the interview starts.
      await page.getByRole('heading', { name: 'Practice question' }).waitFor()
      await page.getByText(PRACTICE_QUESTION).waitFor()
      await page.getByRole('button', { name: 'Start the interview' }).waitFor({ timeout: budget(45_000) })
      await page.getByRole('button', { name: 'Start the interview' }).click()
      await page.locator('#kiosk-question').waitFor()
      await recordScreens(page)

      // Two answers, then the third is under way when the host dies.
      await waitFor('two saved answers', async () => (await session(rpc)).answers.length >= 2, budget(60_000))
      await waitFor(
        'the third answer being spoken',
        async () => {
          const now = await screen(page)
          return (
            now.question === QUESTIONS[2]!.text &&
            now.status.startsWith('Listening') &&
            now.captions.split(' ').length >= 3
          )
        },
        budget(30_000),
      )
      const before = await session(rpc)
      const askedBefore = before.answers.length
      expectCaptionsBelongToTheirQuestion(await page.evaluate(() => window.__screens ?? []))
      rpc.close()
      const firstHostOutput = host.log()
      await host.stop('SIGKILL')

      // What the crash left on disk: two answers, and the third answer's recording, open and non-empty.
      const afterKill = new Database(path.join(dataDir, 'panelist.sqlite'), { readonly: true })
      const open = afterKill
        .prepare("select path, turn_index from interview_recordings where status = 'recording'")
        .all() as { path: string; turn_index: number }[]
      afterKill.close()
      expect(open).toEqual([{ path: expect.stringMatching(/^recordings\//), turn_index: 2 }])
      expect(fs.statSync(path.join(dataDir, open[0]!.path)).size).toBeGreaterThan(44 + 48_000)

      host = await startWebHost(dataDir, { ...env, ...ports })
      rpc = await hostSocket(host.url)
      // The kiosk notices the host is back, reloads itself and offers to continue at the same question.
      await page.getByRole('button', { name: 'Continue the interview' }).waitFor({ timeout: budget(30_000) })
      expect(await page.getByText('We will continue with question 3.').count()).toBe(1)
      await page.getByRole('button', { name: 'Continue the interview' }).click()
      await waitFor(
        'question 3 again',
        async () => (await screen(page)).question === QUESTIONS[2]!.text,
        budget(15_000),
      )
      expect((await session(rpc)).answers).toHaveLength(askedBefore)

      await page.getByRole('heading', { name: 'Thank you, Grace' }).waitFor({ timeout: budget(120_000) })
      expect(errors).toEqual([])
      // Since the reload the interviewer's reply audio really played. Not every reply need sound: the
      // looped speech talks over the interviewer at times, and a reply cut off before its first
      // audio arrives (more of them on a loaded machine) leaves no mark.
      const played = await page.evaluate(() => performance.getEntriesByName('panelist:reply-audio').length)
      expect(played).toBeGreaterThanOrEqual(1)

      const done = await session(rpc)
      expect(done.status).toBe('completed')
      expect(done.answers.map((a) => a.turnIndex)).toEqual([0, 1, 2, 3, 4])
      expect(done.answers.map((a) => a.questionText)).toEqual(QUESTIONS.map((q) => q.text))
      for (const answer of done.answers.slice(0, askedBefore))
        expect(before.answers.find((a) => a.id === answer.id)).toEqual(answer)
      for (const answer of done.answers) {
        expect(answer.inputMode).toBe('voice')
        expect(TRANSCRIPTS).toContain(answer.text)
        expect(answer.transcriptWords.length).toBe(answer.text.split(' ').length)
        expectSpeechWithinRecording(answer, dataDir)
      }

      const db = new Database(path.join(dataDir, 'panelist.sqlite'), { readonly: true })
      const recordings = db
        .prepare(
          'select kind, status, turn_index, path, duration_ms, answer_id from interview_recordings order by started_at',
        )
        .all() as {
        kind: string
        status: string
        turn_index: number
        path: string
        duration_ms: number | null
        answer_id: string | null
      }[]
      db.close()
      // The answer cut short by the crash is kept, repaired and playable; its retake is the saved answer.
      const interrupted = recordings.filter((r) => r.status === 'interrupted')
      expect(interrupted.map((r) => [r.kind, r.turn_index])).toEqual([['audio', 2]])
      expect(interrupted[0]!.duration_ms).toBeGreaterThan(1000)
      expect(probeDuration(path.join(dataDir, interrupted[0]!.path))).toBeCloseTo(
        interrupted[0]!.duration_ms! / 1000,
        1,
      )
      // The video question was filmed as well as heard.
      const video = recordings.find((r) => r.kind === 'video')!
      expect(video).toMatchObject({ turn_index: 3, status: 'complete', answer_id: done.answers[3]!.id })
      expect(fs.statSync(path.join(dataDir, video.path)).size).toBeGreaterThan(10_000)

      // §7 E11: after screening and a whole interview, neither key is anywhere but its provider's header.
      const status = await rpc.call('secrets.status', {})
      const storage = await page.evaluate(async () =>
        JSON.stringify({
          local: { ...localStorage },
          session: { ...sessionStorage },
          idb: await indexedDB.databases(),
        }),
      )
      const texts = {
        "the first host's output": firstHostOutput,
        "the host's output": host.log(),
        "the kiosk page's storage": storage,
        'secrets.status': JSON.stringify(status),
      }
      expect(sweepForSecrets([...KEYS], { dataDir, texts, requests: stub.requests })).toEqual([])
      expect(stub.requests.some((r) => r.headers.authorization?.includes(KEYS[0]))).toBe(true)
      rpc.close()
      await page.close()
    },
    budget(300_000),
  )

  it(
    'runs scripted with no AI keys: the kiosk speaks the questions itself, answers are recorded and their transcription is queued',
    async () => {
      await host?.stop('SIGKILL')
      const dataDir = tempDir('panelist-kiosk-scripted-')
      host = await startWebHost(dataDir)
      const rpc = await hostSocket(host.url)
      const template = await rpc.call<{ id: string }>('templates.create', {
        name: 'Support engineer',
        settings: { maxQuestions: 2, maxDurationMinutes: 30, maxFollowUps: 0 },
      })
      for (const question of QUESTIONS.slice(0, 2))
        await rpc.call('questions.add', { templateId: template.id, question })
      await rpc.call('templates.publish', { id: template.id })
      const { code } = await rpc.call<{ code: string }>('invitations.create', {
        templateId: template.id,
        candidateId: 'cand-offline',
        candidateName: 'Ada',
      })

      const page = await browser.newPage()
      page.setDefaultTimeout(budget(30_000))
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(host.kioskUrl)
      await enterInterview(page, code)
      await page.getByText('Live captions are off; your answer is still recorded.').waitFor({ timeout: budget(20_000) })
      await page.getByRole('heading', { name: 'Thank you, Ada' }).waitFor({ timeout: budget(90_000) })
      expect(errors).toEqual([])
      // The kiosk's own voice said the opening question, the second question and the closing.
      expect(
        await page.evaluate(() => performance.getEntriesByName('panelist:reply-audio').length),
      ).toBeGreaterThanOrEqual(3)

      const done = await session(rpc)
      expect(done.mode).toBe('scripted')
      expect(done.answers.map((a) => [a.turnIndex, a.inputMode, a.text])).toEqual([
        [0, 'voice', ''],
        [1, 'voice', ''],
      ])
      for (const answer of done.answers) {
        expectSpeechWithinRecording(answer, dataDir)
      }
      // The next candidate: a reload finds no saved session, and the code screen holds nothing of Ada.
      await page.reload()
      await page.getByLabel('Interview code').waitFor()
      expect(await page.locator('body').innerText()).not.toContain('Ada')
      const next = await rpc.call<{ code: string }>('invitations.create', {
        templateId: template.id,
        candidateId: 'cand-next',
        candidateName: 'Grace',
      })
      await enterInterview(page, next.code)
      await page.locator('#kiosk-question').waitFor()
      expect(await page.locator('body').innerText()).not.toContain('Ada')
      await page.getByRole('heading', { name: 'Thank you, Grace' }).waitFor({ timeout: budget(90_000) })
      // "Next candidate" clears the screen at once, without a reload.
      await page.getByRole('button', { name: 'Next candidate' }).click()
      await page.getByLabel('Interview code').waitFor()
      expect(await page.locator('body').innerText()).not.toContain('Grace')
      expect(errors).toEqual([])

      const jobs = await rpc.call<{ kind: string; status: string }[]>('queue.list', {})
      // Waiting for a key: queued (between attempts) or running an attempt that finds none, never failed.
      // Two answers from each of the two candidates.
      const transcriptions = jobs.filter((j) => j.kind === 'voice.transcribe')
      expect(transcriptions).toHaveLength(4)
      for (const job of transcriptions) expect(['queued', 'running']).toContain(job.status)
      rpc.close()
      await page.close()
    },
    budget(180_000),
  )
})
