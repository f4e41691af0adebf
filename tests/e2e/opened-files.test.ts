import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { createTempStudio, tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

/*
 * The web host's side of "open with Panelist": resumes dropped anywhere on the window (not only on
 * the Import panel) open the import flow, which asks for the job and lands on its ranked list.
 */
let browser: Browser
let host: RunningHost | undefined

beforeAll(async () => {
  const dataDir = tempDir('panelist-e2e-opened-')
  const { studio } = await createTempStudio({ dataDir, startWorkers: false })
  try {
    const created = await studio.dispatch(
      'jobs.create',
      { title: 'Data analyst', description: 'SQL and Python' },
      {
        audience: 'recruiter',
      },
    )
    if (!created.ok) throw new Error(created.error.message)
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

describe('resumes dropped on the window', () => {
  it('ask for the job, import, and open its ranked list', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(host!.url)
    await page.getByRole('link', { name: 'Settings' }).click()
    // Dropped on the Settings page, far from any import panel.
    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer()
      data.items.add(new File(['Grace Hopper\ngrace@example.com\nSkills: SQL, Python, Excel\n'], 'grace.txt'))
      data.items.add(new File(['Katherine Johnson\nkj@example.com\nSkills: Python, statistics\n'], 'katherine.txt'))
      return data
    })
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
    const dialog = page.getByRole('dialog', { name: 'Import 2 resumes' })
    await dialog.waitFor()
    await expect(dialog.getByRole('listitem').allTextContents()).resolves.toEqual(['grace.txt', 'katherine.txt'])
    await dialog.getByLabel('For the job').selectOption({ label: 'Data analyst' })
    await dialog.getByRole('button', { name: 'Import' }).click()
    await page.getByRole('heading', { name: 'Data analyst', level: 1 }).waitFor()
    await page.getByText('Grace Hopper').first().waitFor()
    await page.getByText('Katherine Johnson').first().waitFor()
    expect(errors).toEqual([])
  })
})
