import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { createTempStudio, tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
import { hostSocket } from '../helpers/host-socket'
import { seedCandidates } from '../unit/screening/seed'

/*
 * A job with two applicants and a published template for it are stored in-process; the built web
 * host then serves that data folder to Chromium, where the recruiter invites a candidate from their
 * page, reads the invitation's type, place and window, reschedules it and cancels it.
 */

const SHOTS = process.env.PANELIST_SHOTS_DIR
let browser: Browser
let host: RunningHost | undefined

beforeAll(async () => {
  const dataDir = tempDir('panelist-e2e-invite-')
  const { studio } = await createTempStudio({ dataDir, startWorkers: false })
  try {
    const call = async <T>(name: string, input: unknown) => {
      const result = await studio.dispatch(name, input, { audience: 'recruiter' })
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
      return result.value as T
    }
    const jobId = (await call<{ id: string }>('jobs.create', { title: 'Backend engineer', description: 'Go APIs' })).id
    await seedCandidates(studio, jobId, [
      { name: 'Ada Lovelace', text: 'Go APIs and Postgres', skills: [], years: 6, education: 'bachelor' },
      { name: 'Alan Turing', text: 'Go services', skills: [], years: 4, education: 'master' },
    ])
    const template = await call<{ id: string }>('templates.create', { name: 'Backend screen', jobId })
    for (const text of ['Tell me about a recent API.', 'How do you test it?', 'What would you change?'])
      await call('questions.add', {
        templateId: template.id,
        question: { text, rubric: [{ name: 'Clarity', description: 'Explains it plainly' }] },
      })
    await call('templates.publish', { id: template.id })
  } finally {
    await studio.close()
  }
  host = await startWebHost(dataDir)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

const open = () => openRecruiter(browser, host!.url)

async function shot(page: Page, name: string) {
  if (!SHOTS) return
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

describe('inviting a candidate from their page', () => {
  it('invites, shows the type, place and window, reschedules with the same code, and cancels after one question', async () => {
    const { page, errors } = await open()
    await page.getByRole('link', { name: 'Jobs', exact: true }).click()
    await page.getByRole('link', { name: 'Backend engineer' }).click()

    // The ranked list offers the same action on every row.
    const rows = page.getByTestId('candidate-table').locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    await expect(page.getByRole('button', { name: 'Invite Alan Turing to interview' }).isVisible()).resolves.toBe(true)

    await page.getByRole('link', { name: 'Ada Lovelace' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor()
    await page.getByRole('button', { name: 'Invite Ada Lovelace to interview for Backend engineer' }).click()

    const dialog = page.getByRole('dialog', { name: 'Invite Ada Lovelace to interview for Backend engineer' })
    await dialog.waitFor()
    await expect(dialog.getByLabel('Template').inputValue()).resolves.not.toBe('')
    await dialog.getByLabel('Type').selectOption({ label: 'In person' })
    await dialog.getByLabel('Place or link (optional)').fill('Room 4, second floor')
    const start = new Date(Date.now() + 2 * 24 * 3_600_000)
    start.setHours(10, 0, 0, 0)
    const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    await dialog.getByLabel('Starts at (optional)').fill(local(start))
    await shot(page, '1-invite-dialog')
    await dialog.getByRole('button', { name: 'Create code' }).click()
    const code = (await dialog.getByRole('status').locator('.kiosk-code').textContent())!
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    await page.keyboard.press('Escape')
    await expect(dialog.isVisible()).resolves.toBe(false)

    const table = page.getByTestId('invitation-table')
    const row = table.locator('tbody tr', { hasText: code })
    await row.waitFor()
    await expect(row.textContent()).resolves.toMatch(/In person/)
    await expect(row.textContent()).resolves.toContain('Room 4, second floor')
    await expect(row.textContent()).resolves.toContain('Backend screen')
    await expect(row.textContent()).resolves.toMatch(new RegExp(`${start.getFullYear()}.*–`))
    await shot(page, '2-invitation-listed')

    // Reschedule: a new place and window, the same code.
    await row.getByRole('button', { name: 'Reschedule the interview of Ada Lovelace' }).click()
    const form = page.getByRole('form', { name: 'Reschedule the interview of Ada Lovelace' })
    const later = new Date(start.getTime() + 24 * 3_600_000)
    await form.getByLabel('Starts at (optional)').fill(local(later))
    await form.getByLabel('Window ends').fill(local(new Date(later.getTime() + 2 * 3_600_000)))
    await form.getByLabel('Place or link').fill('Room 7')
    await form.getByRole('button', { name: 'Save new time' }).click()
    await expect.poll(() => row.textContent()).toContain('Room 7')
    await expect(row.getByText('History (2)').isVisible()).resolves.toBe(true)

    // Cancel asks once; the code then stops working at the kiosk.
    const questions: string[] = []
    page.once('dialog', (confirm) => {
      questions.push(confirm.message())
      void confirm.accept()
    })
    await row.getByRole('button', { name: 'Cancel code for Ada Lovelace' }).click()
    await expect.poll(() => row.textContent()).toContain('Cancelled')
    expect(questions).toEqual([`Cancel the code for Ada Lovelace? It will stop working at the kiosk.`])
    await shot(page, '3-invitation-cancelled')

    const kiosk = await hostSocket(host!.kioskUrl)
    try {
      const refused = await kiosk.request('interview.redeem', { code })
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cancelled/) } })
    } finally {
      kiosk.close()
    }
    expect(errors).toEqual([])
  })
})
