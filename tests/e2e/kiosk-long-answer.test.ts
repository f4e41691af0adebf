import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionDetail, SessionSummary } from '@shared/contract/interviews'
import { startAiStub, type AiStub } from '../harness/ai-stub'
import { pausedAnswer, probeDuration, requireAudioTools } from '../fixtures/audio/speech'
import { launchKioskChromium } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
import { controlledMicrophone, speakOneAnswer } from '../helpers/kiosk-page'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

/**
 * A long spoken answer in Chromium: three sentences with a 1 s and a 2 s thinking pause between
 * them, played into the kiosk's real microphone path (the page's audio graph, so the test decides
 * when the candidate speaks, which a looping fake device cannot). The whole answer is recorded and
 * transcribed as one, and the next candidate follows on the same kiosk tab.
 */

const SENTENCES = [
  'We had a checkout page that took four seconds to load',
  'So first I measured where the time went',
  'The slowest part was a query without an index',
]

type HostSocket = Awaited<ReturnType<typeof hostSocket>>

let browser: Browser
let stub: AiStub
let host: RunningHost | undefined
let dir: string
let longAnswer: Uint8Array
let hello: Uint8Array
let speechSec: number

beforeAll(async () => {
  requireAudioTools()
  dir = tempDir('panelist-long-answer-')
  ;({ answer: longAnswer, hello, speechSec } = pausedAnswer(dir, SENTENCES, [1, 2]))
  stub = await startAiStub({
    script: {
      transcripts: SENTENCES.map((s) => `${s}.`),
      chat: [
        // The end-of-answer check never agrees: only the long pause (or the candidate) ends an answer.
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

async function invite(rpc: HostSocket, templateId: string, name: string) {
  const { code } = await rpc.call<{ code: string }>('invitations.create', {
    templateId,
    candidateId: `cand-${name.toLowerCase()}`,
    candidateName: name,
  })
  return code
}

async function answerOf(rpc: HostSocket, name: string) {
  const sessions = await rpc.call<SessionSummary[]>('sessions.list', {})
  const detail = await rpc.call<SessionDetail>('sessions.get', {
    id: sessions.find((s) => s.candidateName === name)!.id,
  })
  expect(detail.answers).toHaveLength(1)
  return detail.answers[0]!
}

describe('a long spoken answer in Chromium', () => {
  it('keeps three sentences and two thinking pauses as one answer, then takes the next candidate on the same tab', async () => {
    const dataDir = tempDir('panelist-long-answer-data-')
    host = await startWebHost(dataDir, {
      PANELIST_OPENAI_BASE_URL: stub.openaiBaseUrl,
      PANELIST_DEEPGRAM_BASE_URL: stub.deepgramBaseUrl,
    })
    const rpc = await hostSocket(host.url)
    await rpc.call('secrets.set', { name: 'openai.apiKey', value: 'sk-e2e-long-answer' })
    await rpc.call('secrets.set', { name: 'deepgram.apiKey', value: 'dg-e2e-long-answer' })
    const template = await rpc.call<{ id: string }>('templates.create', {
      name: 'Performance engineer',
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

    const page = await browser.newPage()
    page.setDefaultTimeout(budget(30_000))
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await controlledMicrophone(page)
    await page.goto(host.kioskUrl)

    for (const name of ['Ada', 'Grace']) {
      await speakOneAnswer(page, await invite(rpc, template.id, name), name, { hello, answer: longAnswer })
      const answer = await answerOf(rpc, name)
      // Every sentence is in the one answer, in order: neither pause ended it.
      expect(answer.text).toBe(SENTENCES.map((s) => `${s}.`).join(' '))
      expect(answer.transcriptWords.map((w) => w.word).join(' ')).toBe(answer.text)
      // The recording holds all of it: the three sentences, both pauses, then the pause that ended it.
      const recorded = probeDuration(path.join(dataDir, answer.audioPath!))!
      expect(recorded).toBeGreaterThan(speechSec + 2)
      expect(answer.pauses.filter((p) => p.durationMs >= 900 && p.durationMs < 2500)).toHaveLength(2)
      // The next candidate starts from a clean code screen on the same tab.
      await page.getByRole('button', { name: 'Next candidate' }).click()
      await page.getByLabel('Interview code').waitFor()
      expect(await page.locator('body').innerText()).not.toContain(name)
    }
    expect(errors).toEqual([])
    rpc.close()
    await page.close()
  })
})
