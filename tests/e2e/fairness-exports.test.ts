import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { tempDir } from '../helpers/temp-studio'
import { seededWebHost, type RunningHost } from '../helpers/web-host'
import { readCsv } from '../unit/exports/read-csv'
import { recruiterCall, seedApplicant } from '../unit/fairness/seed'

/*
 * A job whose pipeline holds the fixture (48 of 80 women and 12 of 40 men shortlisted) is
 * stored in-process; the built web host serves it to Chromium, where the recruiter records one
 * candidate's self-identification, downloads the pipeline CSV and the JSON Resume, and reads the
 * adverse-impact report with its chart.
 */

const SHOTS = process.env.PANELIST_SHOTS_DIR
let browser: Browser
let host: RunningHost | undefined
let jobId: string
let graceId: string

beforeAll(async () => {
  ;({
    host,
    seeded: { jobId, graceId },
  } = await seededWebHost('panelist-e2e-fairness-', async (studio) => {
    const jobId = (await recruiterCall<{ id: string }>(studio, 'jobs.create', { title: 'Support engineer' })).id
    const answers = (sex: 'female' | 'male') => ({ sex, race: null, ageBand: null })
    for (let i = 0; i < 80; i++)
      await seedApplicant(studio, jobId, {
        name: `Woman ${i}`,
        status: i < 48 ? 'shortlisted' : 'screened',
        answers: answers('female'),
      })
    for (let i = 0; i < 40; i++)
      await seedApplicant(studio, jobId, {
        name: `Man ${i}`,
        status: i < 12 ? 'shortlisted' : 'screened',
        answers: answers('male'),
      })
    const graceId = await seedApplicant(studio, jobId, { name: '=Grace Hopper', status: 'new' })
    return { jobId, graceId }
  }))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

describe('exports and the adverse-impact report in the browser', () => {
  it('records self-identification, downloads both exports, and shows the flagged ratio with its chart', async () => {
    const { page, errors } = await openRecruiter(browser, host!.url)
    await page.getByRole('link', { name: 'Jobs', exact: true }).click()
    await page.getByRole('link', { name: 'Support engineer' }).click()

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export pipeline CSV' }).click(),
    ])
    expect(csv.suggestedFilename()).toBe('Support-engineer-pipeline.csv')
    const rows = readCsv(fs.readFileSync((await csv.path())!, 'utf8'))
    expect(rows).toHaveLength(121)
    expect(rows.map((r) => r.Name)).toContain("'=Grace Hopper")

    // The hostile-looking name is the one candidate with no answers yet: record them on their page
    // (opened by address: unscored, they sit below the ranked list's first page).
    await page.goto(`${host!.url}#/jobs/${jobId}/candidates/${graceId}`)
    await page.getByText('Voluntary self-identification').click()
    await page.getByLabel('Sex').selectOption('female')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    const [resume] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON Resume' }).click(),
    ])
    expect(JSON.parse(fs.readFileSync((await resume.path())!, 'utf8'))).toMatchObject({
      basics: { name: '=Grace Hopper' },
    })

    await page.goto(`${host!.url}#/jobs/${jobId}`)
    await page.getByRole('link', { name: 'Adverse-impact report' }).click()
    const table = page.getByRole('region', { name: 'Sex · Advanced after screening' })
    await expect
      .poll(() => table.getByRole('row', { name: /^Female/ }).innerText())
      .toMatch(/81\s+48\s+0\.593\s+1\.000/)
    await expect(table.getByRole('row', { name: /^Male/ }).innerText()).resolves.toMatch(
      /40\s+12\s+0\.300\s+0\.506\s+Below four-fifths/,
    )
    await expect(
      page.getByTestId('impact-chart-screening-sex').locator('.recharts-bar-rectangle').count(),
    ).resolves.toBe(2)
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/fairness-report.png`, fullPage: true })

    // The PDF: the browser's print path, with the report alone on the paper.
    await page.getByText("Opens the browser's print dialog: choose “Save as PDF” as the destination.").waitFor()
    const pdfPath = path.join(tempDir('panelist-e2e-fairness-pdf-'), 'report.pdf')
    await page.emulateMedia({ media: 'print' })
    fs.writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }))
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain('Adverse-impact report · Support engineer')
    expect(text).toMatch(/Male 40 12 0\.300 0\.506 Below four- ?fifths/)
    for (const offPaper of ['Download PDF', 'Download CSV', 'Skip to content', '← Support engineer'])
      expect(text).not.toContain(offPaper)
    expect(errors).toEqual([])
  })
})
