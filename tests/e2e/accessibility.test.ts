import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, blocking, describeViolation, type Violation } from '../helpers/axe'
import { launchKioskChromium } from '../helpers/browser'
import { enterConsent } from '../helpers/kiosk-page'
import { budget } from '../helpers/patience'
import { rendererCopy } from '../helpers/renderer-copy'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
import { assessedCandidate, createJob, seedCandidate } from '../unit/assessment/assessed-job'
import { assessmentWorld } from '../unit/assessment/world'

/*
 * axe (WCAG 2.1 A and AA) on every recruiter screen, with seeded data (a job with two assessed
 * candidates, their interview template, a queue with finished jobs), and on the kiosk's code entry
 * and device check, in light and in dark. No serious or critical violation may remain; the table
 * of every violation found, by screen, is printed for the README.
 */

let browser: Browser
let host: RunningHost | undefined
const seeded = { jobId: '', formJobId: '', candidateId: '', sessionId: '', templateId: '', kioskCodes: [] as string[] }

beforeAll(async () => {
  const dataDir = tempDir('panelist-e2e-a11y-')
  const w = await assessmentWorld({ studio: { dataDir } })
  try {
    await w.setKey()
    seeded.jobId = await createJob(w, 'Backend engineer')
    // A job whose form shows a skill with alternatives and what its description asks for.
    seeded.formJobId = (
      await w.call<{ id: string }>('jobs.create', {
        title: 'Product designer',
        description: 'You have at least three years of product design and a B.Des or B.E. degree.',
        requiredSkills: [
          { skillId: 'figma', name: 'Figma', weight: 3, alternatives: [{ skillId: 'adobe-xd', name: 'Adobe XD' }] },
          { skillId: 'usability-testing', name: 'Usability Testing', weight: 3 },
        ],
      })
    ).id
    const first = await assessedCandidate(w, seeded.jobId, 'Grace Hopper', 5)
    await assessedCandidate(w, seeded.jobId, 'Alan Turing', 3, { pasted: true })
    seeded.candidateId = first.candidateId
    seeded.sessionId = first.sessionId
    const templates = await w.call<{ id: string; jobId: string | null }[]>('templates.list', {})
    seeded.templateId = templates.find((t) => t.jobId === seeded.jobId)!.id
    // One code per theme: a code is spent once the candidate consents.
    for (const name of ['Edsger Dijkstra', 'Barbara Liskov']) {
      const candidateId = await seedCandidate(w, name)
      await w.call('candidates.addToJob', { jobId: seeded.jobId, candidateIds: [candidateId] })
      const { code } = await w.call<{ code: string }>('invitations.create', {
        templateId: seeded.templateId,
        candidateId,
        candidateName: name,
      })
      seeded.kioskCodes.push(code)
    }
  } finally {
    await w.close()
  }
  host = await startWebHost(dataDir, { PANELIST_RENDERER_DIR: rendererCopy() })
  browser = await launchKioskChromium()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

/** A screen is ready when its page heading is there and nothing in it is still loading. */
async function settled(page: Page) {
  await page
    .locator('main h1')
    .first()
    .waitFor({ timeout: budget(30_000) })
  await page
    .getByRole('status')
    .filter({ hasText: /^Loading…$/ })
    .first()
    .waitFor({ state: 'detached', timeout: budget(30_000) })
}

const RECRUITER_SCREENS: { name: string; hash: () => string; ready?: (page: Page) => Promise<void> }[] = [
  { name: 'jobs list', hash: () => '#/jobs' },
  { name: 'job page', hash: () => `#/jobs/${seeded.jobId}` },
  {
    name: 'job form',
    hash: () => `#/jobs/${seeded.formJobId}/edit`,
    ready: (page) => page.getByTestId('posting-asks').waitFor({ timeout: budget(10_000) }),
  },
  { name: 'candidate page', hash: () => `#/jobs/${seeded.jobId}/candidates/${seeded.candidateId}` },
  { name: 'templates', hash: () => '#/interviews' },
  { name: 'template editor', hash: () => `#/interviews/templates/${seeded.templateId}` },
  { name: 'review', hash: () => `#/review/${seeded.sessionId}` },
  { name: 'compare', hash: () => `#/compare/${seeded.jobId}` },
  { name: 'settings', hash: () => '#/settings' },
  { name: 'queue', hash: () => '#/queue' },
]

const found: { screen: string; theme: string; violations: Violation[] }[] = []

/** With PANELIST_SHOTS_DIR set (docs/screenshots for the README), each screen is photographed as checked. */
const shots = process.env.PANELIST_SHOTS_DIR
async function shoot(page: Page, screen: string, theme: string) {
  if (shots) await page.screenshot({ path: `${shots}/${screen.replace(/[^a-z]+/g, '-')}-${theme}.png` })
}

describe('moving between screens', () => {
  it('puts focus on the new page’s heading, even once its data replaces the loading one, and titles the window', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${host!.url}#/jobs`)
    await settled(page)
    expect(await page.title()).toBe('Jobs · Panelist')
    await page.getByRole('link', { name: 'Backend engineer' }).first().click()
    const heading = page.locator('main h1').filter({ hasText: 'Backend engineer' })
    await heading.waitFor()
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1')
    expect(await heading.evaluate((h1) => h1 === document.activeElement)).toBe(true)
    await expect.poll(() => page.title()).toMatch(/^Backend engineer.* · Panelist$/)

    await page.getByRole('link', { name: 'Grace Hopper' }).first().click()
    await page.locator('main h1').filter({ hasText: 'Grace Hopper' }).waitFor()
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Grace Hopper'))
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await expect.poll(() => page.title()).toBe('Grace Hopper · Panelist')
    await page.close()
  })

  it('asks once before a move that skips stages, and the question itself passes axe', async () => {
    // axe runs in a page of its own context (AxeBuilder refuses browser.newPage's implicit one).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${host!.url}#/jobs/${seeded.jobId}/candidates/${seeded.candidateId}`)
    await settled(page)
    const status = page.getByLabel('Status', { exact: true })
    const before = await status.inputValue()
    await status.selectOption('hired')
    const dialog = page.getByRole('dialog', { name: 'Move Grace Hopper to Hired?' })
    await dialog.waitFor()
    expect(await dialog.getByText(/^This skips .*Offer\. The move can be undone\.$/).count()).toBe(1)
    expect(blocking(await axeViolations(page)).map(describeViolation)).toEqual([])
    // Cancelled, nothing moved; confirmed, the move is made once.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await status.inputValue()).toBe(before)
    await status.selectOption('hired')
    await dialog.getByRole('button', { name: 'Move to Hired' }).click()
    await expect.poll(() => status.inputValue()).toBe('hired')
    expect(await page.getByRole('dialog').count()).toBe(0)
    await context.close()
  })
})

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (theme) => {
  it('every recruiter screen has no serious or critical violation', async () => {
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const problems: string[] = []
    for (const screen of RECRUITER_SCREENS) {
      await page.goto(`${host!.url}${screen.hash()}`)
      await settled(page)
      await screen.ready?.(page)
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme)
      await shoot(page, screen.name, theme)
      const violations = await axeViolations(page)
      found.push({ screen: screen.name, theme, violations })
      for (const v of blocking(violations)) problems.push(`${screen.name}: ${describeViolation(v)}`)
    }
    await context.close()
    expect(problems).toEqual([])
    expect(errors).toEqual([])
  })

  it('the kiosk’s code entry and device check have no serious or critical violation', async () => {
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems: string[] = []
    await page.goto(host!.kioskUrl)
    await page.getByLabel('Interview code').waitFor({ timeout: budget(30_000) })
    await shoot(page, 'kiosk code entry', theme)
    const entry = await axeViolations(page)
    found.push({ screen: 'kiosk: code entry', theme, violations: entry })
    await enterConsent(page, seeded.kioskCodes[theme === 'light' ? 0 : 1]!)
    await page.getByRole('button', { name: 'Play test sound' }).waitFor({ timeout: budget(30_000) })
    await shoot(page, 'kiosk device check', theme)
    const devices = await axeViolations(page)
    found.push({ screen: 'kiosk: device check', theme, violations: devices })
    for (const [screen, violations] of [
      ['code entry', entry],
      ['device check', devices],
    ] as const)
      for (const v of blocking(violations)) problems.push(`kiosk ${screen}: ${describeViolation(v)}`)
    await context.close()
    expect(problems).toEqual([])
  })
})

afterAll(() => {
  if (!found.length) return
  // The table for the README: every violation axe found, blocking or not, by screen and theme.
  const lines = ['| screen | theme | serious or critical | moderate or minor |', '| --- | --- | --- | --- |']
  for (const { screen, theme, violations } of found) {
    const block = blocking(violations)
    const rest = violations.filter((v) => !block.includes(v))
    const list = (vs: Violation[]) => (vs.length ? vs.map((v) => v.rule).join(', ') : '0')
    lines.push(`| ${screen} | ${theme} | ${list(block)} | ${list(rest)} |`)
  }
  console.log(lines.join('\n'))
})
