import type { Browser, Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { rendererCopy } from '../helpers/renderer-copy'
import { tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

let browser: Browser
let host: RunningHost | undefined

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await host?.stop()
  await browser?.close()
})

/** The text of the elements a control's aria-describedby names, as a screen reader reads it with the control. */
const description = (control: Locator) =>
  control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  )

describe('errors in the recruiter’s words, beside their fields', () => {
  it('a bad job form shows each message beside its field, all at once, naming no request', async () => {
    host = await startWebHost(tempDir('panelist-e2e-'), { PANELIST_RENDERER_DIR: rendererCopy() })
    const { page, errors } = await openRecruiter(browser, host.url)
    await page.getByRole('link', { name: 'Jobs' }).click()
    await page.getByRole('link', { name: 'New job' }).click()

    // Disabled, and saying what it needs.
    const create = page.getByRole('button', { name: 'Create job' })
    expect(await create.isDisabled()).toBe(true)
    expect(await description(create)).toBe('Give the job a title first.')

    await page.getByLabel('Title').fill('Night nurse')
    expect(await create.isDisabled()).toBe(false)
    await page.getByLabel('Salary from').fill('90000')
    await page.getByLabel('Salary to').fill('50000')
    await page.getByLabel('Currency').fill('US')
    await create.click()

    const salaryFrom = page.getByLabel('Salary from')
    await page.getByText('The lowest salary must not be above the highest').waitFor()
    expect(await salaryFrom.getAttribute('aria-invalid')).toBe('true')
    expect(await description(salaryFrom)).toBe('The lowest salary must not be above the highest')
    expect(await description(page.getByLabel('Currency'))).toBe('Currency is a three-letter code such as USD')
    // Focus is on the first field to fix; the message sits right after it in the field's own block.
    expect(await salaryFrom.evaluate((input) => input === document.activeElement)).toBe(true)
    expect(await salaryFrom.evaluate((input) => input.parentElement?.querySelector('.field-error')?.textContent)).toBe(
      'The lowest salary must not be above the highest',
    )
    await page.getByRole('alert').getByText('Check the 2 fields marked above.').waitFor()

    const text = await page.locator('body').innerText()
    expect(text).not.toContain('jobs.create')
    expect(text).not.toContain('Invalid input')
    expect(text).not.toContain('salaryMin')

    // Fixed, it saves and opens the job.
    await page.getByLabel('Salary to').fill('95000')
    await page.getByLabel('Currency').fill('EUR')
    await create.click()
    await page.getByRole('heading', { level: 1, name: /Night nurse/ }).waitFor()
    expect(errors).toEqual([])
  })

  it('the kiosk PIN and API keys: the rule beside the field, and what a disabled Save needs', async () => {
    host ??= await startWebHost(tempDir('panelist-e2e-'), { PANELIST_RENDERER_DIR: rendererCopy() })
    const { page, errors } = await openRecruiter(browser, host.url)
    await page.getByRole('link', { name: 'Settings' }).click()

    const saveKey = page.getByRole('button', { name: 'Save key' }).first()
    await saveKey.waitFor()
    expect(await saveKey.isDisabled()).toBe(true)
    expect(await description(saveKey)).toBe('Paste a key to save it.')

    const savePin = page.getByRole('button', { name: 'Save PIN' })
    expect(await description(savePin)).toBe('Type a PIN of 4 to 12 digits first.')
    const pin = page.getByLabel('Kiosk exit PIN')
    await pin.fill('12')
    await savePin.click()
    await page.getByText('PIN must be 4 to 12 digits').waitFor()
    expect(await pin.getAttribute('aria-invalid')).toBe('true')
    expect(await description(pin)).toBe('PIN must be 4 to 12 digits')
    expect(await page.locator('body').innerText()).not.toContain('kiosk.setPin')

    await pin.fill('2468')
    await savePin.click()
    await page.getByRole('status').getByText('Kiosk PIN saved.').waitFor()
    expect(await pin.getAttribute('aria-invalid')).toBeNull()
    expect(errors).toEqual([])
  })
})
