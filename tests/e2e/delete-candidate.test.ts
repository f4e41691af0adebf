import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { seededWebHost, type RunningHost } from '../helpers/web-host'
import { recruiterCall, seedApplicant } from '../unit/fairness/seed'

/*
 * A candidate in a job's pipeline with a note, stored in-process; in Chromium the recruiter opens
 * their page, reads what "Delete candidate…" would remove, confirms, and lands back on the job,
 * where the candidate no longer shows.
 */

let browser: Browser
let host: RunningHost | undefined
let jobId: string
let candidateId: string

beforeAll(async () => {
  ;({
    host,
    seeded: { jobId, candidateId },
  } = await seededWebHost('panelist-e2e-delete-', async (studio) => {
    const jobId = (await recruiterCall<{ id: string }>(studio, 'jobs.create', { title: 'Support engineer' })).id
    const candidateId = await seedApplicant(studio, jobId, { name: 'Zebediah Quillfeather', status: 'screened' })
    await recruiterCall(studio, 'candidates.addNote', { candidateId, body: 'Prefers mornings.' })
    return { jobId, candidateId }
  }))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

describe('deleting a candidate in the browser', () => {
  it('lists what goes, deletes on confirmation, and returns to the job without them', async () => {
    const { page, errors } = await openRecruiter(browser, host!.url)
    await page.goto(`${host!.url}#/jobs/${jobId}/candidates/${candidateId}`)
    await page.getByRole('button', { name: 'Delete candidate…' }).click()
    const dialog = page.getByRole('dialog')
    const preview = dialog.getByTestId('deletion-preview')
    await preview.waitFor()
    await expect.poll(() => preview.innerText()).toContain('candidate: 1')
    expect(await preview.innerText()).toContain('notes: 1')
    await dialog.getByRole('button', { name: 'Delete Zebediah Quillfeather' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Deleted.' }).waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.waitForURL(new RegExp(`#/jobs/${jobId}$`))
    await page.getByRole('heading', { name: 'Support engineer' }).first().waitFor()
    expect(await page.getByText('Zebediah Quillfeather').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
