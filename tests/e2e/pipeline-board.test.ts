import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { seededWebHost, type RunningHost } from '../helpers/web-host'
import { recruiterCall, seedApplicant } from '../unit/fairness/seed'

/*
 * A job with four new candidates, stored in-process; in Chromium the recruiter drags one to
 * Screened with the mouse, carries another with the keyboard, is asked before a move that skips
 * stages, undoes a move, and a second tab on the same studio follows every move.
 */

let browser: Browser
let host: RunningHost | undefined
let jobId: string

beforeAll(async () => {
  ;({ host, seeded: jobId } = await seededWebHost('panelist-e2e-board-', async (studio) => {
    const id = (await recruiterCall<{ id: string }>(studio, 'jobs.create', { title: 'Data analyst' })).id
    for (const name of ['Amara Okafor', 'Bruno Costa', 'Chen Wei', 'Dana Levi'])
      await seedApplicant(studio, id, { name, status: 'new' })
    return id
  }))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`)
const card = (where: Locator | Page, name: string) =>
  where.locator(`[data-testid="board-card"][data-candidate="${name}"]`)
const names = async (where: Locator) =>
  (
    await where.getByTestId('board-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-candidate')))
  ).sort()

async function openBoard(beforeLoad?: (page: Page) => Promise<void>): Promise<{ page: Page; errors: string[] }> {
  const opened = await openRecruiter(browser, host!.url, undefined, beforeLoad)
  await opened.page.goto(`${host!.url}#/jobs/${jobId}`)
  await opened.page.getByRole('link', { name: 'Pipeline board' }).click()
  await opened.page.getByRole('heading', { name: 'Pipeline · Data analyst' }).waitFor()
  return opened
}

/**
 * The tab's connection to the host, with the answer to a move to Offer held back until `release`, as
 * a busy host's would be: the board shows the move at once and waits for the answer.
 */
function slowOfferMoves() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const held = new Set<number>()
  const install = (page: Page) =>
    page.routeWebSocket(/.*/, (ws) => {
      const server = ws.connectToServer()
      ws.onMessage((message) => {
        const data = JSON.parse(String(message)) as { type: string; id: number; name?: string; input?: unknown }
        const input = data.input as { status?: string } | undefined
        if (data.name === 'candidates.setStatus' && input?.status === 'offer') held.add(data.id)
        server.send(message)
      })
      server.onMessage((message) => {
        const data = JSON.parse(String(message)) as { type: string; id?: number }
        if (data.type === 'result' && held.has(data.id!)) void released.then(() => ws.send(message))
        else ws.send(message)
      })
    })
  return { install, release }
}

describe('the pipeline board in the browser', () => {
  it('moves candidates by mouse, keyboard and list, asks before skipping stages, undoes, and updates another tab', async () => {
    const slow = slowOfferMoves()
    const { page, errors } = await openBoard(slow.install)
    const other = await openBoard()
    await expect
      .poll(() => names(column(page, 'new')))
      .toEqual(['Amara Okafor', 'Bruno Costa', 'Chen Wei', 'Dana Levi'])

    // Mouse: drag Amara's grip onto the Screened column.
    const grip = card(page, 'Amara Okafor').getByRole('button', { name: 'Move Amara Okafor' })
    const from = (await grip.boundingBox())!
    const to = (await column(page, 'screened').boundingBox())!
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 })
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 })
    await page.mouse.up()
    await expect.poll(() => names(column(page, 'screened'))).toEqual(['Amara Okafor'])
    await page.getByRole('status').filter({ hasText: 'Moved Amara Okafor to Screened.' }).waitFor()
    await expect.poll(() => names(column(other.page, 'screened'))).toEqual(['Amara Okafor'])

    // Keyboard: Space picks Bruno up, one right arrow is one column, Space drops him there.
    await card(page, 'Bruno Costa').getByRole('button', { name: 'Move Bruno Costa' }).focus()
    // Each step waits for what a screen reader hears, as the sensor listens only once a drag has begun.
    await page.keyboard.press('Space')
    await page.getByText('Bruno Costa is over New.').waitFor({ state: 'attached' })
    // The sensor adds its arrow-key listener in a zero-delay timer after the pick-up, and a busy
    // Chromium runs key presses before timers: a timer set now fires only after that one.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)))
    await page.keyboard.press('ArrowRight')
    await page.getByText('Bruno Costa is over Screened.').waitFor({ state: 'attached' })
    await page.keyboard.press('Space')
    await expect.poll(() => names(column(page, 'screened'))).toEqual(['Amara Okafor', 'Bruno Costa'])

    // The stage list: New straight to Offer skips three stages, so the board asks once.
    await card(page, 'Chen Wei').getByLabel('Stage of Chen Wei').selectOption('offer')
    const dialog = page.getByRole('dialog', { name: 'Move Chen Wei to Offer?' })
    await dialog.getByText('This skips Screened, Shortlisted, Interviewing.').waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await names(column(page, 'new'))).toEqual(['Chen Wei', 'Dana Levi'])
    await card(page, 'Chen Wei').getByLabel('Stage of Chen Wei').selectOption('offer')
    await dialog.getByRole('button', { name: 'Move to Offer' }).click()
    // While the host has not answered, Chen shows in Offer and Bruno's Undo is gone: clicked now, it
    // would have undone Bruno's move.
    await expect.poll(() => names(column(page, 'offer'))).toEqual(['Chen Wei'])
    expect(await page.getByText('Moved Bruno Costa to Screened.').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0)
    slow.release()
    await page.getByText('Moved Chen Wei to Offer.').waitFor()

    // Undo puts Chen back where they were, here and in the other tab.
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => names(column(page, 'new'))).toEqual(['Chen Wei', 'Dana Levi'])
    await expect.poll(() => names(column(other.page, 'offer'))).toEqual([])
    await expect.poll(() => names(column(other.page, 'new'))).toEqual(['Chen Wei', 'Dana Levi'])

    const activity = page.getByTestId('board-activity')
    await expect.poll(() => activity.innerText()).toContain('Chen Wei moved back from Offer to New')
    expect(await activity.innerText()).toContain('Amara Okafor moved from New to Screened')

    // The funnel counts what happened.
    await page.getByRole('button', { name: 'Show funnel' }).click()
    const funnel = page.getByTestId('funnel-table')
    await expect
      .poll(() => funnel.locator('tr', { hasText: 'Screened' }).first().innerText())
      .toMatch(/Screened\s+2\s+50 %/)

    // Analytics, all jobs or one: the same funnel with sources and interview outcomes beside it.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Analytics' }).click()
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor()
    await page.getByLabel('Job').selectOption({ label: 'Data analyst' })
    await expect
      .poll(() => page.getByTestId('analytics-sources').innerText())
      .toMatch(/Added from the candidate pool\s+4\s+100 %/)
    await expect.poll(() => page.getByTestId('funnel-table').innerText()).toMatch(/Screened\s+2\s+50 %/)
    expect(await page.getByTestId('analytics-formats').innerText()).toMatch(/No resume\s+4/)
    // No interview has been held for the job.
    expect(await page.getByText('Nothing to count yet.').count()).toBe(1)
    if (process.env.PANELIST_SHOTS_DIR)
      await page.screenshot({ path: `${process.env.PANELIST_SHOTS_DIR}/analytics.png`, fullPage: true })
    expect(errors).toEqual([])
    expect(other.errors).toEqual([])
  })
})
