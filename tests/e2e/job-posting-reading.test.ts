import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

let browser: Browser
let host: RunningHost | undefined
/** With PANELIST_SHOTS_DIR set, the form and the candidate are photographed. */
const shots = process.env.PANELIST_SHOTS_DIR

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await host?.stop()
  await browser?.close()
})

const RESUMES = {
  'maya-ortiz.txt': [
    'Maya Ortiz',
    'maya.ortiz@example.com',
    'Product Designer',
    'Experience',
    'Product Designer, Larkspur Apps, 2019 - present',
    '- Designed the booking flow in Adobe XD and ran usability tests with 40 customers',
    'Skills: Adobe XD, user research, wireframing',
  ],
  'tomas-berg.txt': [
    'Tomas Berg',
    'tomas.berg@example.com',
    'Accountant',
    'Experience',
    'Accountant, Nordvik Freight, 2015 - present',
    '- Month-end close, accounts payable and VAT returns',
    'Skills: Excel, bookkeeping, payroll',
  ],
}

describe('the job form reads a posting', () => {
  it('suggests "Figma or Adobe XD" as one skill, splits and joins another, and counts and filters by any one of them', async () => {
    host = await startWebHost(tempDir('panelist-e2e-alternatives-'))
    const { page, errors } = await openRecruiter(browser, host.url)
    await page.getByRole('link', { name: 'Jobs' }).click()
    await page.getByRole('link', { name: 'New job' }).click()
    await page.getByLabel('Title').fill('Product Designer')
    await page
      .getByLabel('Description')
      .fill('You will design flows in Figma or Adobe XD.\nYou prototype in Sketch or InVision and run usability tests.')
    await page.getByRole('button', { name: 'Suggest skills from the description' }).click()
    const suggestions = page.getByTestId('skill-suggestions')
    await suggestions.getByRole('button', { name: '+ Figma or Adobe XD' }).waitFor()
    await page.getByRole('button', { name: 'Add all' }).click()

    const required = page.getByRole('list', { name: 'required skills' })
    await required.getByText('Figma or Adobe XD', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Ask for each of Sketch or InVision on its own' }).click()
    await required.getByText('Sketch', { exact: true }).waitFor()
    await required.getByText('InVision', { exact: true }).waitFor()
    await expect(required.getByText('Sketch or InVision').count()).resolves.toBe(0)
    // …and joined again by hand: the lower one becomes the upper one's alternative.
    await page.getByRole('button', { name: 'Accept InVision in place of Sketch: either will do' }).click()
    await required.getByText('Sketch or InVision', { exact: true }).waitFor()
    if (shots) await page.screenshot({ path: path.join(shots, 'skill-alternatives-form.png'), fullPage: true })
    await page.getByRole('button', { name: 'Create job' }).click()
    await page.getByRole('heading', { level: 1, name: /Product Designer/ }).waitFor()
    await page.getByText(/Required:.*Figma or Adobe XD/).waitFor()

    const folder = path.join(tempDir('panelist-e2e-alternatives-resumes-'), 'resumes')
    fs.mkdirSync(folder)
    for (const [name, lines] of Object.entries(RESUMES)) fs.writeFileSync(path.join(folder, name), lines.join('\n'))
    await page.getByTestId('folder-input').setInputFiles(folder)
    await page
      .getByTestId('import-counts')
      .getByText('finished')
      .waitFor({ timeout: budget(60_000) })
    const rows = page.getByTestId('candidate-table').locator('tbody tr')
    await expect.poll(() => rows.count(), { timeout: budget(10_000) }).toBe(2)

    await page.getByLabel('Has skill').selectOption({ label: 'Figma or Adobe XD' })
    await expect.poll(() => rows.count(), { timeout: budget(10_000) }).toBe(1)
    // The row's matched skills name the choice as the job does, not only its first name.
    await expect(rows.first().textContent()).resolves.toContain('Figma or Adobe XD')
    await rows.first().getByRole('link', { name: 'Maya Ortiz' }).click()
    const explanation = page.getByTestId('explanation')
    await explanation.getByText(/required skills/).waitFor()
    await expect(explanation.textContent()).resolves.not.toMatch(/missing[^.]*Figma/)
    if (shots) await page.screenshot({ path: path.join(shots, 'skill-alternatives-candidate.png'), fullPage: true })
    expect(errors).toEqual([])
  })

  it('offers the years and degree the description asks for beside their fields, and takes them on request', async () => {
    host = host ?? (await startWebHost(tempDir('panelist-e2e-asks-')))
    const { page, errors } = await openRecruiter(browser, host.url)
    await page.getByRole('link', { name: 'Jobs' }).click()
    await page.getByRole('link', { name: 'New job' }).click()
    await page.getByLabel('Title').fill('Site Engineer')
    await page
      .getByLabel('Description')
      .fill('You have at least three years of site experience and a B.E. in Civil Engineering.')
    const asks = page.getByTestId('posting-asks')
    await asks
      .getByText('The description asks for at least 3 years of experience and a bachelor’s degree.')
      .waitFor({ timeout: budget(10_000) })
    if (shots) await asks.locator('..').screenshot({ path: path.join(shots, 'posting-asks.png') })
    await asks.getByRole('button', { name: 'Use these' }).click()
    await asks.waitFor({ state: 'detached' })
    await expect(page.getByLabel('Minimum years of experience').inputValue()).resolves.toBe('3')
    await expect(page.getByLabel('Education level').inputValue()).resolves.toBe('bachelor')
    expect(errors).toEqual([])
  })
})
