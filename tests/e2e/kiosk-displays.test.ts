import path from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireAudioTools, spokenAnswer } from '../fixtures/audio/speech'
import { launchKioskChromium } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
import { enterInterview } from '../helpers/kiosk-page'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

/**
 * §7 K03 in the kiosk page: more than one screen blocks the start, and a screen connected mid-
 * interview pauses it until the candidate is back on one. Chromium reports screens through
 * `screen.isExtended` and a `change` event on `screen`; a test machine has one screen, so the page
 * is given a stand-in for that one property, and everything after it is the kiosk's own code.
 */
let browser: Browser
let host: RunningHost | undefined

beforeAll(async () => {
  requireAudioTools()
  const dir = tempDir('panelist-displays-')
  const mic = spokenAnswer(dir, 'candidate', 'I have led a small team that builds our checkout service', {
    sampleRate: 48_000,
    leadSec: 0.5,
    tailSec: 6,
  })
  browser = await launchKioskChromium(mic.path)
})

afterAll(async () => {
  await host?.stop('SIGKILL')
  await browser?.close()
})

declare global {
  interface Window {
    __screenCount?: number
  }
}

/** Connects or disconnects screens as the page sees them, firing the event Chromium fires. */
const setScreens = (page: Page, count: number) =>
  page.evaluate((n) => {
    window.__screenCount = n
    const screen = window.screen as Screen & EventTarget
    screen.dispatchEvent(new Event('change'))
  }, count)

describe('the kiosk and a second screen', () => {
  it('blocks the start on two screens, and pauses the interview when one is connected until it is gone', async () => {
    const dataDir = tempDir('panelist-displays-data-')
    host = await startWebHost(dataDir)
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
      candidateId: 'cand-screens',
      candidateName: 'Noor',
    })

    const page = await browser.newPage()
    page.setDefaultTimeout(budget(30_000))
    await page.addInitScript(() => {
      window.__screenCount = 2
      Object.defineProperty(Screen.prototype, 'isExtended', {
        configurable: true,
        get: () => (window.__screenCount ?? 1) > 1,
      })
    })
    await page.goto(host.kioskUrl)
    await page.getByLabel('Interview code').fill(code)
    await page.getByText('more than one screen connected').waitFor()
    expect(await page.getByRole('button', { name: 'Start' }).isDisabled()).toBe(true)

    await setScreens(page, 1)
    await page.getByText('more than one screen connected').waitFor({ state: 'detached' })
    await page.getByLabel('Interview code').fill('')
    await enterInterview(page, code)
    const question = page.locator('#kiosk-question')
    await question.filter({ hasText: 'Tell me about your last role.' }).waitFor({ timeout: budget(45_000) })

    await setScreens(page, 2)
    const paused = page.locator('.kiosk-phase-paused', { hasText: 'The interview is paused.' })
    await paused.waitFor()
    await page.getByText('Another screen was connected').waitFor()
    const resume = page.getByRole('button', { name: 'Continue', exact: true })
    expect(await resume.isDisabled()).toBe(true)
    // Nothing else moves the paused interview on.
    expect(await page.getByRole('button', { name: 'Repeat the question' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Answer in text instead' }).isDisabled()).toBe(true)
    const db = new Database(path.join(dataDir, 'panelist.sqlite'), { readonly: true })
    const kinds = db.prepare('select kind from interview_kiosk_events').all() as { kind: string }[]
    db.close()
    expect(kinds.map((row) => row.kind)).toContain('display_added')

    await setScreens(page, 1)
    await resume.click()
    await page.getByRole('button', { name: 'Continue the interview' }).click()
    await page.locator('.kiosk-phase-listening, .kiosk-phase-speaking').waitFor({ timeout: budget(45_000) })
    expect(await paused.count()).toBe(0)
    expect(await question.textContent()).toBe('Tell me about your last role.')
    rpc.close()
    await page.close()
  })
})
