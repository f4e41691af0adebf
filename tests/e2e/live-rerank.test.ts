import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Studio } from '@core/studio'
import { axeViolations, blocking, describeViolation } from '../helpers/axe'
import { launchChromium } from '../helpers/browser'
import { budget } from '../helpers/patience'
import { seededWebHost, type RunningHost } from '../helpers/web-host'
import { seedCandidates } from '../unit/screening/seed'
import { SKILLED, WRITERS, TEXT_ONLY, skilled, writer } from '../unit/screening/turnover-pool'

async function dispatch<T>(studio: Studio, name: string, input: unknown): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

let browser: Browser
let host: RunningHost | undefined
let jobId: string

beforeAll(async () => {
  browser = await launchChromium()
  ;({ host, seeded: jobId } = await seededWebHost('panelist-e2e-rerank-', async (studio) => {
    const job = await dispatch<{ id: string }>(studio, 'jobs.create', {
      title: 'Backend Engineer',
      description: 'Backend services, APIs and databases.',
      requiredSkills: [{ skillId: 'python', name: 'Python', weight: 5 }],
      preferredSkills: [{ skillId: 'kubernetes', name: 'Kubernetes', weight: 3 }],
      weights: TEXT_ONLY,
    })
    await seedCandidates(studio, job.id, [...WRITERS.map(writer), ...SKILLED.map(skilled)])
    await dispatch(studio, 'jobs.update', { id: job.id, patch: {} })
    return job.id
  }))
})

afterAll(async () => {
  await host?.stop()
  await browser?.close()
})

/** With PANELIST_SHOTS_DIR set, the form with its panel is photographed in each theme. */
const shots = process.env.PANELIST_SHOTS_DIR

async function rankedNames(page: Page): Promise<string[]> {
  const table = page.getByTestId('candidate-table')
  await expect.poll(() => table.locator('tbody tr').count(), { timeout: budget(10_000) }).toBe(12)
  return table.locator('tbody tr td:nth-child(3) a').allTextContents()
}

describe('live re-rank while editing a job', () => {
  it.each(['light', 'dark'] as const)(
    'moving weights with the keyboard previews who moves, and saving applies that order (%s)',
    async (theme) => {
      const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 1000 } })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))

      await page.goto(`${host!.url}#/jobs/${jobId}`)
      const before = await rankedNames(page)
      expect(new Set(before.slice(0, 6))).toEqual(new Set(WRITERS))

      await page.getByRole('link', { name: 'Edit', exact: true }).click()
      const panel = page.getByRole('region', { name: 'What moved' })
      const line = panel.getByRole('status')
      await line.getByText('Change a weight or a skill to see who would move before you save.').waitFor()

      // Native sliders, moved by keys alone: skills all the way up, text all the way down.
      await page.getByRole('slider', { name: 'Required skills' }).focus()
      await page.keyboard.press('End')
      await page.getByRole('slider', { name: 'Text relevance' }).focus()
      await page.keyboard.press('Home')
      await expect(page.getByRole('slider', { name: 'Text relevance' }).inputValue()).resolves.toBe('0')

      // Only the answer for the draft as it stands is shown (an earlier one, for one key, is dropped).
      await line
        .getByText('6 would move up, 6 would move down, 2 candidates would enter the top 10, 2 would leave it.', {
          exact: true,
        })
        .waitFor({ timeout: budget(10_000) })
      const top = panel.getByRole('list', { name: 'Top 10 if you save:' }).getByRole('listitem')
      await expect(top.count()).resolves.toBe(10)
      const previewed = (await top.locator('.move-name').allTextContents()).slice(0, 10)
      expect(new Set(previewed.slice(0, 6))).toEqual(new Set(SKILLED))
      // A candidate who climbed is named with the place they leave and the one they take.
      const climber = previewed[0]!
      const was = before.indexOf(climber) + 1
      await expect(top.first().textContent()).resolves.toContain(`${climber}↑ ${was} → 1`)
      await expect(top.first().getByText(`up from ${was} to 1`).count()).resolves.toBe(1)
      const out = panel.getByRole('list', { name: 'Out of the top 10:' }).getByRole('listitem')
      await expect(out.count()).resolves.toBe(2)

      // The form with the panel showing passes axe.
      expect(blocking(await axeViolations(page)).map(describeViolation)).toEqual([])
      if (shots) {
        await panel.scrollIntoViewIfNeeded()
        await page.screenshot({ path: `${shots}/live-rerank-${theme}.png` })
      }

      await page.getByRole('button', { name: 'Save and re-rank' }).click()
      await page.getByRole('heading', { level: 1, name: /Backend Engineer/ }).waitFor()
      const result = page.getByRole('region', { name: 'What moved' })
      await result
        .getByText('Re-ranked 12 candidates: 6 moved up, 6 moved down, 2 candidates entered the top 10, 2 left it.', {
          exact: true,
        })
        .waitFor()
      await result.getByText('Who moved in the top 10').click()
      const after = await rankedNames(page)
      expect(after.slice(0, 10)).toEqual(previewed)
      expect(
        await result
          .getByRole('list', { name: 'Top 10 now:' })
          .getByRole('listitem')
          .locator('.move-name')
          .allTextContents(),
      ).toEqual(previewed)
      expect(blocking(await axeViolations(page)).map(describeViolation)).toEqual([])
      if (shots) await page.screenshot({ path: `${shots}/rerank-result-${theme}.png` })

      // Put the weights back for the other theme's run, through the same form.
      await page.getByRole('link', { name: 'Edit', exact: true }).click()
      await page.getByRole('slider', { name: 'Required skills' }).focus()
      await page.keyboard.press('Home')
      await page.getByRole('slider', { name: 'Text relevance' }).focus()
      await page.keyboard.press('End')
      await line.getByText(/would move up/).waitFor({ timeout: budget(10_000) })
      await page.getByRole('button', { name: 'Save and re-rank' }).click()
      await page
        .getByRole('region', { name: 'What moved' })
        .getByText(/^Re-ranked 12 candidates/)
        .waitFor()
      expect(new Set((await rankedNames(page)).slice(0, 6))).toEqual(new Set(WRITERS))
      expect(errors).toEqual([])
      await context.close()
    },
  )

  it('says so when the job has no candidates yet', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${host!.url}#/jobs/new`)
    await page.getByLabel('Title').fill('Empty job')
    await page.getByRole('button', { name: 'Create job' }).click()
    await page.getByRole('heading', { level: 1, name: /Empty job/ }).waitFor()
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await page.getByRole('slider', { name: 'Experience' }).focus()
    await page.keyboard.press('ArrowRight')
    await page
      .getByRole('region', { name: 'What moved' })
      .getByRole('status')
      .getByText('No candidates yet: import resumes on the job’s page and they will be ranked.')
      .waitFor({ timeout: budget(10_000) })
    await page.close()
  })
})
