import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionDetail, SessionSummary } from '@shared/contract/interviews'
import { requireAudioTools } from '../fixtures/audio/speech'
import { launchKioskChromium } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
import { enterConsent } from '../helpers/kiosk-page'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

/**
 * A candidate whose microphone hears nothing: the device check offers help and typed answers
 * instead of waiting for ever, and the interview takes every answer in text. Typed answers hold
 * the interview still (no pause or clock ends them), which makes this the place to watch what
 * counts down on screen by itself, and to come back with the code on a fresh tab.
 */
let browser: Browser
let host: RunningHost | undefined
let dir: string

beforeAll(async () => {
  requireAudioTools()
  dir = tempDir('panelist-silent-mic-')
  const silentMic = path.join(dir, 'silence.wav')
  execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', silentMic, 'trim', '0', '5'])
  browser = await launchKioskChromium(silentMic)
})

afterAll(async () => {
  await host?.stop('SIGKILL')
  await browser?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function publishTwoQuestions(rpc: Awaited<ReturnType<typeof hostSocket>>, candidateName: string) {
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
    candidateId: `cand-${candidateName.toLowerCase()}`,
    candidateName,
  })
  return code
}

/** Waits until a text on the page differs from what it showed before: the page changed it by itself. */
async function waitForChange(page: Page, selector: string) {
  const first = await page.locator(selector).textContent()
  await page.waitForFunction(
    ([sel, before]) => document.querySelector(sel)?.textContent !== before,
    [selector, first] as const,
    { timeout: budget(15_000) },
  )
  return { first, then: await page.locator(selector).textContent() }
}

describe('kiosk with a silent microphone', () => {
  it('offers help and typed answers at the device check, and takes the interview in text', async () => {
    host = await startWebHost(tempDir('panelist-silent-mic-data-'))
    const rpc = await hostSocket(host.url)
    const code = await publishTwoQuestions(rpc, 'Lin')

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

  it('counts the clocks down on screen, and a code entered again on a fresh tab resumes through the device check at the same question', async () => {
    host ??= await startWebHost(tempDir('panelist-silent-mic-data-'))
    const rpc = await hostSocket(host.url)
    await rpc.call('kiosk.setPin', { pin: '4321' })
    const code = await publishTwoQuestions(rpc, 'Sam')

    const first = await browser.newPage()
    first.setDefaultTimeout(budget(30_000))
    await first.goto(host.kioskUrl)
    await enterConsent(first, code)
    await first.getByRole('button', { name: 'Continue with typed answers' }).click()
    await first.locator('#kiosk-question', { hasText: 'Tell me about your last role.' }).waitFor()
    await first.locator('.kiosk-phase', { hasText: 'Listening' }).waitFor()
    // The studio sends nothing while an answer is typed, so a changing clock is the kiosk's own countdown.
    const interviewClock = await waitForChange(first, '.kiosk-interview-head [role="timer"]')
    expect(interviewClock.first).toMatch(/^Interview time left \d+:\d\d$/)
    expect(interviewClock.then).toMatch(/^Interview time left \d+:\d\d$/)
    await first.getByRole('textbox').fill('I ran the support desk for a SaaS product.')
    await first.getByRole('button', { name: 'Send my answer' }).click()
    await first.locator('#kiosk-question', { hasText: 'How do you calm an upset customer?' }).waitFor()

    // The recruiter's PIN: five wrong tries lock it, and the wait counts down instead of standing still.
    await first.getByRole('button', { name: 'Recruiter exit' }).click()
    for (let attempt = 0; attempt < 5; attempt++) {
      await first.getByLabel('Recruiter PIN').fill('0000')
      await first.getByRole('button', { name: 'Exit kiosk' }).click()
      // A refused PIN is cleared from the field once the studio has answered.
      await first.waitForFunction(() => (document.querySelector('#kiosk-exit-pin') as HTMLInputElement).value === '')
    }
    expect(await first.getByText('That PIN is not right.').count()).toBe(1)
    await first.getByLabel('Recruiter PIN').fill('0000')
    await first.getByRole('button', { name: 'Exit kiosk' }).click()
    const lockout = await waitForChange(first, '.kiosk-dialog [role="timer"]')
    expect(lockout.first).toMatch(/^Too many wrong PINs\. Try again in \d+ s\.$/)
    expect(lockout.then).toMatch(/^Too many wrong PINs\. Try again in \d+ s\.$/)
    expect(await first.getByRole('button', { name: 'Exit kiosk' }).isDisabled()).toBe(true)
    await first.close()

    // A fresh tab keeps nothing: the candidate enters the code again and is welcomed back, not asked to consent again.
    const second = await browser.newPage()
    second.setDefaultTimeout(budget(30_000))
    const errors: string[] = []
    second.on('pageerror', (error) => errors.push(error.message))
    await second.goto(host.kioskUrl)
    await second.getByLabel('Interview code').fill(code)
    await second.getByRole('button', { name: 'Start' }).click()
    await second.getByText('We will continue with question 2.').waitFor()
    expect(await second.getByLabel(/I have read this and agree/).count()).toBe(0)
    await second.getByRole('button', { name: 'Continue the interview' }).click()
    // Another computer may have another microphone: the device check comes before the question.
    await second.getByRole('heading', { name: /check your camera, microphone and speakers/ }).waitFor()
    await second.getByRole('button', { name: 'Continue with typed answers' }).click()
    await second.locator('#kiosk-question', { hasText: 'How do you calm an upset customer?' }).waitFor()
    await second.locator('.kiosk-phase', { hasText: 'Listening' }).waitFor()
    await second.getByRole('textbox').fill('I listen first, then repeat the problem back.')
    await second.getByRole('button', { name: 'Send my answer' }).click()
    await second.getByRole('heading', { name: 'Thank you, Sam' }).waitFor({ timeout: budget(60_000) })
    expect(errors).toEqual([])

    const sessions = await rpc.call<SessionSummary[]>('sessions.list', {})
    const sam = sessions.find((s) => s.candidateName === 'Sam')!
    const detail = await rpc.call<SessionDetail>('sessions.get', { id: sam.id })
    expect(detail.answers.map((a) => a.text)).toEqual([
      'I ran the support desk for a SaaS product.',
      'I listen first, then repeat the problem back.',
    ])
    rpc.close()
    await second.close()
  })
})
