import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
import { assessedCandidate, createJob } from '../unit/assessment/assessed-job'
import { assessmentWorld } from '../unit/assessment/world'

/*
 * The main journeys with the keyboard alone, as a recruiter who does not use a mouse would: every
 * step is reached with Tab (and Shift+Tab) from where the last one left focus, and acted on with
 * Enter, Space, arrows or typing. Nothing here clicks, and no element is focused by the test.
 */

let browser: Browser
let host: RunningHost | undefined
const seeded = { jobId: '', sessionId: '' }

beforeAll(async () => {
  const dataDir = tempDir('panelist-e2e-keyboard-')
  const w = await assessmentWorld({ studio: { dataDir } })
  try {
    await w.setKey()
    seeded.jobId = await createJob(w, 'Platform engineer')
    seeded.sessionId = (await assessedCandidate(w, seeded.jobId, 'Katherine Johnson', 4)).sessionId
  } finally {
    await w.close()
  }
  host = await startWebHost(dataDir)
  browser = await launchChromium()
}, budget(120_000))

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

/** What a screen reader would announce for the focused element: its role-ish tag and its name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const labelled = el.getAttribute('aria-labelledby')
    const label =
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      ''
    return `${el.tagName.toLowerCase()}:${label.replace(/\s+/g, ' ').trim()}`
  })

/** Presses Tab (or Shift+Tab) until the focused element matches; fails if it is never reached. */
async function tabTo(page: Page, target: RegExp, options: { back?: boolean; most?: number } = {}) {
  const seen: string[] = []
  for (let i = 0; i < (options.most ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    const now = await focused(page)
    if (target.test(now)) return
    seen.push(now)
  }
  throw new Error(`${target} was not reached by keyboard; focus went through: ${seen.join(' | ')}`)
}

describe('keyboard-only journeys', () => {
  it('creates a job, opens a candidate, moves them with the skip question, notes, and decides on the review', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${host!.url}#/jobs`)
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor()

    // A new job: the link, its title field, the disabled hint gone once typed, Create job.
    await tabTo(page, /^a:New job$/)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'New job', level: 1 }).waitFor()
    await tabTo(page, /^input:Title/)
    await page.keyboard.type('Site reliability engineer')
    await tabTo(page, /^button:Create job$/)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Site reliability engineer', level: 1 }).waitFor()

    // Back to the jobs list by its nav link, into the seeded job, onto a candidate.
    await tabTo(page, /^a:Jobs$/, { back: true })
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor()
    await tabTo(page, /^a:Platform engineer/)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /^Platform engineer/, level: 1 }).waitFor()
    await tabTo(page, /^a:Katherine Johnson$/)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor()

    // Interviewing straight to Hired skips Offer: the question comes up, Escape keeps the status,
    // then confirmed from the keyboard.
    const status = page.getByLabel('Status', { exact: true })
    const before = await status.inputValue()
    await tabTo(page, /^select:Status/)
    await page.keyboard.type('Hired')
    const dialog = page.getByRole('dialog', { name: /^Move Katherine Johnson to Hired\?$/ })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await status.inputValue()).toBe(before)
    // Radix's focus scope gives focus back in a zero-delay timer once the dialog is gone, and a busy
    // Chromium may answer before that timer has run: wait for the focus to arrive.
    await expect.poll(() => focused(page)).toMatch(/^select:Status/)
    await page.keyboard.type('Hired')
    await dialog.waitFor()
    await tabTo(page, /^button:Move to Hired$/, { most: 6 })
    await page.keyboard.press('Enter')
    await expect.poll(() => status.inputValue()).toBe('hired')

    // A note, typed and sent with the keyboard.
    await tabTo(page, /^textarea:Add a note$/)
    await page.keyboard.type('Strong on incident response; ask about on-call load.')
    await tabTo(page, /^button:Add note$/)
    await page.keyboard.press('Enter')
    await page.getByText('Strong on incident response; ask about on-call load.').waitFor()

    // The interview's review: a decision with a note, from the keyboard.
    await page.goto(`${host!.url}#/review/${seeded.sessionId}`)
    await page.getByRole('heading', { name: /^Review · Katherine Johnson/, level: 1 }).waitFor()
    await tabTo(page, /^textarea:Note \(optional\)$/)
    await page.keyboard.type('Advance to the panel.')
    await tabTo(page, /^button:Hold/)
    await page.keyboard.press('Space')
    await page.getByText(/Pipeline status:\s*Maybe/).waitFor()
    expect(errors).toEqual([])
    await page.close()
  })
})
