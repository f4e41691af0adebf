import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
import { FIXTURE_JOBS, writeFixtureFolder, type FixtureFile } from '../fixtures/resumes'
import { budget } from '../helpers/patience'

let browser: Browser
let host: RunningHost | undefined

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await host?.stop()
  await browser?.close()
})

const open = (url: string) => openRecruiter(browser, url)

describe('screening in the browser over the web host', () => {
  it('creates a job, imports a folder of 20 resumes with progress, ranks, opens a candidate, changes status, adds a note, and keeps it all across a restart', async () => {
    const fixture = FIXTURE_JOBS.find((j) => j.family === 'data_science')!
    const folder = path.join(tempDir('panelist-e2e-resumes-'), 'resumes')
    const manifest: FixtureFile[] = await writeFixtureFolder(folder, { count: 20 })
    const family = new Map(manifest.map((f) => [f.resume!.name, f.resume!.person.family]))
    const dataDir = tempDir('panelist-e2e-')
    host = await startWebHost(dataDir)
    let { page, errors } = await open(host.url)

    // A job, with skills suggested from its description.
    await page.getByRole('link', { name: 'Jobs' }).click()
    await page.getByRole('link', { name: 'New job' }).click()
    await page.getByLabel('Title').fill(fixture.title)
    await page.getByLabel('Description').fill(fixture.description)
    await page.getByLabel('Minimum years of experience').fill(String(fixture.minYears))
    await page.getByRole('button', { name: 'Suggest skills from the description' }).click()
    const suggestions = page.getByTestId('skill-suggestions').getByRole('button')
    await suggestions.first().waitFor()
    while ((await suggestions.count()) > 0) await suggestions.first().click()
    await expect(
      page.getByRole('list', { name: 'required skills' }).getByRole('listitem').count(),
    ).resolves.toBeGreaterThanOrEqual(4)
    await page.getByRole('button', { name: 'Create job' }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(fixture.title) }).waitFor()
    const jobUrl = page.url()

    // Import the folder through the folder picker, as the web host does: the browser sends the bytes.
    // Every text the counts line shows is recorded as the page renders it, with what the ranked list
    // shows when it is empty.
    await page.getByRole('heading', { name: 'No candidates yet' }).waitFor()
    await page.evaluate(() => {
      const seen: string[] = []
      const states: string[] = []
      Object.assign(window, { seenCounts: seen, listStates: states })
      const record = () => {
        const text = document.querySelector('[data-testid="import-counts"]')?.textContent
        if (text && seen.at(-1) !== text) seen.push(text)
        const empty = document.querySelector('.ranked-list .empty-state h3')?.textContent ?? 'not empty'
        const state = `${text ?? ''} | ${empty}`
        if (states.at(-1) !== state) states.push(state)
      }
      record()
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await page.getByTestId('folder-input').setInputFiles(folder)
    const counts = page.getByTestId('import-counts')
    await counts.getByText('finished').waitFor({ timeout: budget(60_000) })
    const seen = await page.evaluate(() => (window as unknown as { seenCounts: string[] }).seenCounts)
    expect(await counts.textContent()).toContain('20 of 20 files · 20 imported · 0 duplicates · 0 refused')
    expect(seen.some((text) => /^\d+ of 20 files/.test(text) && !text.startsWith('20 of 20'))).toBe(true)
    await expect(
      page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow'),
    ).resolves.toBe('100')

    // The ranked list: everyone, best first, the job's own family on top. It said there were no
    // candidates before the import, and never once the import had said it was done.
    const table = page.getByTestId('candidate-table')
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: budget(10_000) }).toBe(20)
    const listSaid = await page.evaluate(() => (window as unknown as { listStates: string[] }).listStates)
    expect(listSaid[0]).toMatch(/No candidates yet$/)
    expect(listSaid.filter((state) => /finished.* \| No candidates yet$/.test(state))).toEqual([])
    const scores = (await table.getByTestId('score').allTextContents()).map(Number)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const names = await table.locator('tbody tr td:nth-child(3) a').allTextContents()
    expect(names.slice(0, 3).map((n) => family.get(n))).toEqual(['data_science', 'data_science', 'data_science'])
    const topName = names[0]!

    // One candidate: score explained, skills highlighted, status changed, a note added.
    await table.getByRole('link', { name: topName }).click()
    await page.getByRole('heading', { level: 1, name: topName }).waitFor()
    await expect(page.getByTestId('explanation').textContent()).resolves.toMatch(/required skills/)
    await expect(page.getByTestId('resume-text').locator('mark.skill-required').count()).resolves.toBeGreaterThan(0)
    await page.getByLabel('Status', { exact: true }).selectOption('shortlisted')
    // New → Shortlisted skips Screened: asked once.
    await page
      .getByRole('dialog', { name: /Move .* to Shortlisted\?/ })
      .getByRole('button', { name: 'Move to Shortlisted' })
      .click()
    await page.getByTestId('status-history').getByText('New → Shortlisted').waitFor({ state: 'attached' })
    await page.getByLabel('Add a note').fill('Strong on experimentation; invite to a first interview.')
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.getByTestId('notes').getByText('Strong on experimentation').waitFor()
    const candidateUrl = page.url()
    expect(errors).toEqual([])
    await page.close()

    // Restart the host on the same data: everything is still there.
    await host.stop()
    host = await startWebHost(dataDir)
    ;({ page, errors } = await open(host.url + new URL(jobUrl).hash))
    await expect
      .poll(() => page.getByTestId('candidate-table').locator('tbody tr').count(), { timeout: budget(10_000) })
      .toBe(20)
    const row = page.getByTestId('candidate-table').locator('tbody tr').first()
    await expect(row.getByRole('link').first().textContent()).resolves.toBe(topName)
    await expect(row.getByRole('combobox').inputValue()).resolves.toBe('shortlisted')
    await page.goto(host.url + new URL(candidateUrl).hash)
    await page.getByRole('heading', { level: 1, name: topName }).waitFor()
    await expect(page.getByLabel('Status', { exact: true }).inputValue()).resolves.toBe('shortlisted')
    await page.getByTestId('notes').getByText('Strong on experimentation').waitFor()
    expect(errors).toEqual([])
  })

  it('refuses a document that is not a resume with its reason, and imports it anyway when the recruiter asks', async () => {
    await host?.stop()
    host = await startWebHost(tempDir('panelist-e2e-anyway-'))
    const folder = path.join(tempDir('panelist-e2e-anyway-files-'), 'inbox')
    fs.mkdirSync(folder)
    fs.writeFileSync(
      path.join(folder, 'timesheet.txt'),
      'WEEKLY TIMESHEET\nContractor: Jakub Nowak   Agency: Sterling Tech\njakub.nowak@example.com\nMon 8.0 h\nTue 7.5 h',
    )
    const { page, errors } = await open(host.url)
    await page.getByRole('link', { name: 'Candidates' }).click()
    await page.getByTestId('folder-input').setInputFiles(folder)
    const counts = page.getByTestId('import-counts')
    await counts.getByText('1 refused — finished').waitFor({ timeout: budget(60_000) })
    const outcomes = page.locator('.import-outcomes')
    await outcomes.getByText('This reads as a document titled “WEEKLY TIMESHEET”, not a resume').waitFor()

    await page.getByRole('button', { name: 'Import timesheet.txt anyway' }).click()
    await counts.getByText('2 of 2 files · 1 imported · 0 duplicates · 1 refused — finished').waitFor({
      timeout: budget(60_000),
    })
    await outcomes.getByText('Imported anyway: see its own row.').waitFor()
    await expect(outcomes.locator('tr[data-outcome="imported"]').textContent()).resolves.toContain('timesheet.txt')
    // It is a candidate now, named as the reader reads its top.
    await page.getByText('1 candidate', { exact: true }).waitFor()
    expect(errors).toEqual([])
  })
})
