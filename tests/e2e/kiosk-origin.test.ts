import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { pageToken } from '../helpers/host-socket'
import { budget } from '../helpers/patience'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

let browser: Browser
let host: RunningHost

beforeAll(async () => {
  browser = await launchChromium()
  host = await startWebHost(tempDir('panelist-kiosk-origin-'))
})

afterAll(async () => {
  await host?.stop()
  await browser?.close()
})

/** What a script in the page gets when it asks for a URL: the body, or the reason it could not. */
const readFrom = (url: string) =>
  fetch(url).then(
    (response) => response.text(),
    (error: Error) => `refused: ${error.message}`,
  )

describe('the kiosk page in Chromium', () => {
  it('cannot reach the recruiter page or its token, by script or by going to /', async () => {
    const recruiterToken = await pageToken(host.url)
    const page = await browser.newPage()
    page.setDefaultTimeout(budget(30_000))
    await page.goto(host.kioskUrl)
    await page.getByLabel('Interview code').waitFor()

    for (const target of [host.url, '/', '/index.html', new URL('/ws', host.url).href]) {
      const body = await page.evaluate(readFrom, target)
      expect(body, target).not.toContain(recruiterToken)
    }

    await page.goto(new URL('/', host.kioskUrl).href)
    await page.getByLabel('Interview code').waitFor()
    expect(await page.getByRole('navigation', { name: 'Areas' }).count()).toBe(0)
    await page.close()
  })
})
