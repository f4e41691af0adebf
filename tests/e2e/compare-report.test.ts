import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
import { assessedCandidate, createJob } from '../unit/assessment/assessed-job'
import { assessmentWorld, firstWords, GOOD_ANSWERS } from '../unit/assessment/world'

/*
 * Three candidates of one job are interviewed and assessed in-process (the wire stub as the model),
 * then the built web host serves the same data folder to Chromium: the recruiter compares them,
 * advances one, and prints a report to PDF.
 */

let browser: Browser
let host: RunningHost | undefined
let dataDir: string
const sessions = new Map<string, string>()

beforeAll(async () => {
  dataDir = tempDir('panelist-e2e-compare-')
  const w = await assessmentWorld({ studio: { dataDir } })
  try {
    await w.setKey()
    const jobId = await createJob(w, 'Backend engineer')
    await createJob(w, 'Nobody assessed yet')
    for (const [name, score, pasted] of [
      ['Grace Hopper', 5, false],
      ['Alan Turing', 3, true],
      ['Edsger Dijkstra', 2, false],
    ] as const) {
      sessions.set(name, (await assessedCandidate(w, jobId, name, score, { pasted })).sessionId)
    }
    await w.call('assessments.decide', {
      sessionId: sessions.get('Edsger Dijkstra'),
      decision: 'hold',
      note: 'Second opinion on testing.',
    })
  } finally {
    await w.close()
  }
  host = await startWebHost(dataDir)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

const open = () => openRecruiter(browser, host!.url)

async function openJob(page: Page, title: string) {
  await page.getByRole('link', { name: 'Jobs', exact: true }).click()
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('link', { name: 'Compare assessed candidates' }).click()
}

describe('comparing assessed candidates and printing a report', () => {
  it("shows a job's three assessed candidates in columns with a chart, chosen by keyboard, and advances one", async () => {
    const { page, errors } = await open()
    await openJob(page, 'Backend engineer')
    const columns = page.getByTestId('compare-column')
    await expect
      .poll(() => columns.allTextContents())
      .toEqual([
        expect.stringContaining('Grace Hopper'),
        expect.stringContaining('Alan Turing'),
        expect.stringContaining('Edsger Dijkstra'),
      ])
    const chart = page.getByTestId('compare-chart')
    // One bar per candidate and skill: three candidates, three skills.
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count()).toBe(9)
    await expect
      .poll(() => chart.locator('.recharts-legend-item').allTextContents())
      .toEqual(['Grace Hopper', 'Alan Turing', 'Edsger Dijkstra'])
    const table = page.getByTestId('compare-table')
    await expect.poll(() => table.getByRole('row', { name: /Integrity signals/ }).textContent()).toMatch(/to review/)

    // Untick Alan with the keyboard alone: two columns remain.
    await page.getByRole('checkbox', { name: /Alan Turing/ }).focus()
    await page.keyboard.press('Space')
    await expect.poll(() => columns.count()).toBe(2)
    await page.keyboard.press('Space')
    await expect.poll(() => columns.count()).toBe(3)

    // Advance Grace through the existing pipeline request; the move is kept (seen after a reload).
    const statusRow = table.getByRole('row', { name: /Pipeline status/ })
    const before = (await statusRow.locator('td').first().textContent())!
    const advance = table.getByRole('button', { name: /^Advance to / }).first()
    const target = (await advance.textContent())!.replace('Advance to ', '')
    await advance.click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Grace Hopper moved to ${target}.`)
    await page.reload()
    await expect.poll(() => statusRow.locator('td').first().textContent()).toBe(target)
    expect(target).not.toBe(before)
    expect(errors).toEqual([])
    await page.close()
  })

  it('says so when no one has been assessed for a job', async () => {
    const { page } = await open()
    await openJob(page, 'Nobody assessed yet')
    await page.getByRole('heading', { name: 'No one has been assessed for this job yet' }).waitFor()
    expect(await page.getByTestId('compare-table').count()).toBe(0)
    await page.close()
  })

  it('prints the report to a PDF holding a verified quote, without the app around it', async () => {
    const { page, errors } = await open()
    await openJob(page, 'Backend engineer')
    await page
      .getByTestId('compare-column')
      .filter({ hasText: 'Grace Hopper' })
      .getByRole('link', { name: 'Assessment report' })
      .click()
    await page.getByRole('heading', { name: 'Assessment report · Grace Hopper' }).waitFor()
    await page.getByRole('heading', { name: 'Answers' }).waitFor()
    expect(page.url()).toContain(`/reports/${sessions.get('Grace Hopper')}`)

    // In the web host the button is the browser's print path, and says so.
    await page.getByText("Opens the browser's print dialog: choose “Save as PDF” as the destination.").waitFor()
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes')
    })
    await page.getByRole('button', { name: 'Download PDF' }).click()
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes')

    const pdfPath = path.join(tempDir('panelist-e2e-pdf-'), 'report.pdf')
    await page.emulateMedia({ media: 'print' })
    fs.writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }))
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

    // The stubbed model quoted each answer's first five words; the assessment verified them.
    expect(text).toContain(firstWords(GOOD_ANSWERS[0]!))
    expect(text).toContain('Assessment report · Grace Hopper')
    expect(text).toContain('No decision recorded yet.')
    expect(text).toMatch(/Model .*gpt/)
    // Print styles: the button and the app's navigation stay off the paper.
    expect(text).not.toContain('Download PDF')
    expect(text).not.toContain('Skip to content')

    // A recorded decision is on the report, with its note.
    await page.emulateMedia({ media: 'screen' })
    await page.goto(`${host!.url}#/reports/${sessions.get('Edsger Dijkstra')}`)
    await expect
      .poll(() => page.getByTestId('report-decision').textContent())
      .toMatch(/^Hold, by .+ on .+\. Note: Second opinion on testing\./)
    expect(errors).toEqual([])
    await page.close()
  })
})
