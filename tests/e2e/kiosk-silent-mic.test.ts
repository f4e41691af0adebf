import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionDetail, SessionSummary } from '../../shared/contract/interviews'
import { requireAudioTools } from '../fixtures/audio/speech'
import { launchChromium } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
import { enterConsent } from '../helpers/kiosk-page'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

/**
 * A candidate whose microphone hears nothing: the device check offers help and typed answers
 * instead of waiting for ever, and the interview takes every answer in text.
 */
let browser: Browser
let host: RunningHost | undefined
let dir: string

beforeAll(async () => {
  requireAudioTools()
  dir = tempDir('panelist-silent-mic-')
  const silentMic = path.join(dir, 'silence.wav')
  execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', silentMic, 'trim', '0', '5'])
  browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${silentMic}`,
    '--autoplay-policy=no-user-gesture-required',
  ])
})

afterAll(async () => {
  await host?.stop('SIGKILL')
  await browser?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('kiosk with a silent microphone', () => {
  it('offers help and typed answers at the device check, and takes the interview in text', async () => {
    host = await startWebHost(tempDir('panelist-silent-mic-data-'))
    const rpc = await hostSocket(host.url)
    const template = await rpc.call<{ id: string }>('templates.create', {
      name: 'Support engineer',
      settings: { maxQuestions: 2, maxDurationMinutes: 30, maxFollowUps: 0 },
    })
    for (const text of ['Tell me about your last role.', 'How do you calm an upset customer?'])
      await rpc.call('questions.add', {
        templateId: template.id,
        question: {
          text,
          type: 'open_voice',
          difficulty: 'standard',
          rubric: [{ name: 'Relevance', description: 'Answers with an example', weight: 3 }],
        },
      })
    await rpc.call('templates.publish', { id: template.id })
    const { code } = await rpc.call<{ code: string }>('invitations.create', {
      templateId: template.id,
      candidateId: 'cand-silent',
      candidateName: 'Lin',
    })

    const page = await browser.newPage()
    page.setDefaultTimeout(budget(30_000))
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(host.kioskUrl)
    await enterConsent(page, code)

    await page.getByText('We cannot hear you yet.').waitFor()
    expect(await page.getByText('We can hear you.').count()).toBe(0)
    await page.getByRole('button', { name: 'Continue with typed answers' }).click()

    const answers = [
      ['Tell me about your last role.', 'I ran the support desk for a SaaS product.'],
      ['How do you calm an upset customer?', 'I listen first, then repeat the problem back.'],
    ]
    for (const [question, answer] of answers) {
      // Each question opens with the text box, once the interviewer has asked it.
      await page.locator('#kiosk-question', { hasText: question! }).waitFor()
      await page.locator('.kiosk-phase', { hasText: 'Listening' }).waitFor()
      await page.getByRole('textbox').fill(answer!)
      await page.getByRole('button', { name: 'Send my answer' }).click()
    }
    await page.getByRole('heading', { name: 'Thank you, Lin' }).waitFor({ timeout: budget(60_000) })
    expect(errors).toEqual([])

    const [summary] = await rpc.call<SessionSummary[]>('sessions.list', {})
    const detail = await rpc.call<SessionDetail>('sessions.get', { id: summary!.id })
    expect(detail.answers.map((a) => [a.inputMode, a.text])).toEqual([
      ['text', 'I ran the support desk for a SaaS product.'],
      ['text', 'I listen first, then repeat the problem back.'],
    ])
    rpc.close()
    await page.close()
  })
})
