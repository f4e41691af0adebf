import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
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

async function openShell(url: string): Promise<Page> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Areas' }).waitFor()
  expect(errors).toEqual([])
  return page
}

/** Queues the demo job over the recruiter's own socket, as the development build's button does. */
async function enqueueDemo(url: string) {
  const rpc = await hostSocket(url)
  try {
    await rpc.call('queue.enqueueDemo', { steps: 10, stepMs: 150 })
  } finally {
    rpc.close()
  }
}

describe('recruiter shell over the web host', () => {
  it('changes a setting, runs a demo job to completion in the queue panel, and keeps state across a restart', async () => {
    const dataDir = tempDir('panelist-e2e-')
    host = await startWebHost(dataDir)
    let page = await openShell(host.url)

    for (const area of ['Jobs', 'Candidates', 'Interviews', 'Analytics', 'Queue', 'Settings', 'Team workspace']) {
      await expect(page.getByRole('link', { name: area }).count()).resolves.toBe(1)
    }

    // Alt+1…9 follow the navigation's order: Settings is the sixth area.
    await page.keyboard.press('Alt+6')
    await page.getByLabel('Theme').selectOption('dark')
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark')
    // The browser session does not update itself: Settings says who does, offers no update actions,
    // and still keeps the channel the desktop app will use.
    await expect(page.getByTestId('update-summary').textContent()).resolves.toContain(
      'Updates are managed by the desktop app',
    )
    await expect(page.getByRole('button', { name: 'Check now' }).count()).resolves.toBe(0)
    await page.getByLabel('Channel').selectOption('beta')

    await page.getByRole('link', { name: 'Queue' }).click()
    // The product build has no demo button (a developer's control): the job is queued as its page would.
    await page.locator('main h1').filter({ hasText: 'Queue' }).waitFor()
    expect(await page.getByRole('button', { name: 'Run demo job' }).count()).toBe(0)
    await enqueueDemo(host.url)
    const row = page.locator('main tr[data-status]').first()
    await row.locator('text=running').waitFor({ timeout: budget(10_000) })
    const livePanel = page.getByRole('complementary', { name: 'Live queue' })
    await livePanel.locator('tr[data-status="running"]').waitFor()
    await page.locator('main tr[data-status="succeeded"]').waitFor({ timeout: budget(20_000) })
    await expect(page.locator('main [role="progressbar"]').first().getAttribute('aria-valuenow')).resolves.toBe('100')
    await page.close()

    await host.stop()
    host = await startWebHost(dataDir)
    page = await openShell(host.url)
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark')
    await page.getByRole('link', { name: 'Queue' }).click()
    await page.locator('main tr[data-status="succeeded"]').waitFor()
    await page.getByRole('link', { name: 'Settings' }).click()
    await expect(page.getByLabel('Theme').inputValue()).resolves.toBe('dark')
    await expect(page.getByLabel('Channel').inputValue()).resolves.toBe('beta')
  })

  it('refuses sockets without the token or from another origin', async () => {
    host ??= await startWebHost(tempDir('panelist-e2e-'))
    const html = await (await fetch(host.url)).text()
    const token = /name="panelist-token" content="([0-9a-f]+)"/.exec(html)![1]!
    const page = await browser.newPage()
    const tryOpen = (url: string) =>
      page.evaluate(
        (target) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(target)
            ws.onopen = () => resolve('open')
            ws.onerror = () => resolve('refused')
          }),
        url,
      )
    const base = host.url.replace('http', 'ws') + 'ws?token='
    await page.goto(host.url)
    expect(await tryOpen(base + token)).toBe('open')
    expect(await tryOpen(base + 'wrong')).toBe('refused')
    await page.goto('about:blank')
    expect(await tryOpen(base + token)).toBe('refused')
    await page.close()
  })

  it('tells the recruiter when the core process died and came back, and keeps working', async () => {
    const restartedHost = await startWebHost(tempDir('panelist-e2e-'))
    try {
      const page = await openShell(restartedHost.url)
      const corePid = () =>
        restartedHost
          .log()
          .split('\n')
          .filter((line) => line.includes('the core process started'))
          .map((line) => (JSON.parse(line) as { pid: number }).pid)
      const [first] = corePid()
      expect(first).toBeGreaterThan(0)
      process.kill(first!, 'SIGKILL')

      const notice = page.getByRole('alert').filter({ hasText: 'has restarted' })
      // Once in CI (792 passed, 1 failed) the notice never came and nothing said why: the host's log says.
      await notice.waitFor({ timeout: budget(30_000) }).catch((error: unknown) => {
        throw new Error(`no restart notice (${String(error)}); the web host's log:\n${restartedHost.log()}`)
      })
      expect(corePid()).toHaveLength(2)
      await page.getByRole('link', { name: 'Queue' }).click()
      await enqueueDemo(restartedHost.url)
      await page.locator('main tr[data-status="succeeded"]').waitFor({ timeout: budget(20_000) })
      await notice.getByRole('button', { name: 'Dismiss' }).click()
      await expect(notice.count()).resolves.toBe(0)
      await page.close()
    } finally {
      await restartedHost.stop()
    }
  })
})
