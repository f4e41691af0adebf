import type { Browser, Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openRecruiter } from '../helpers/browser'
import { hostSocket } from '../helpers/host-socket'
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

  it('publishing a template lists every problem at once, and a bad detail shows beside its field', async () => {
    host ??= await startWebHost(tempDir('panelist-e2e-'), { PANELIST_RENDERER_DIR: rendererCopy() })
    const rpc = await hostSocket(host.url)
    const template = await rpc.call<{ id: string }>('templates.create', { name: 'Support engineer' })
    for (const text of ['Tell me about a hard customer call.', 'Tell me about a hard customer call.'])
      await rpc.call('questions.add', { templateId: template.id, question: { text, type: 'open_voice' } })
    rpc.close()

    const { page, errors } = await openRecruiter(browser, `${host.url}#/interviews/templates/${template.id}`)
    await page.getByRole('heading', { level: 1, name: 'Support engineer' }).waitFor()
    await page.getByRole('button', { name: 'Publish' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'This template cannot be published yet' })
    await alert.waitFor()
    const problems = await alert.getByRole('listitem').allTextContents()
    expect(problems).toEqual([
      expect.stringMatching(/^Question 1 .* needs a rubric with at least one criterion$/),
      expect.stringMatching(/^Question 2 .* needs a rubric with at least one criterion$/),
      expect.stringMatching(/^Question 2 .* repeats question 1$/),
    ])

    const most = page.getByLabel('Most questions')
    await most.fill('99')
    await most.blur()
    await page.getByText('Must be 30 or less').waitFor()
    expect(await most.getAttribute('aria-invalid')).toBe('true')
    expect(await description(most)).toBe('Must be 30 or less')
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/templates\.(publish|update)|Invalid input|maxQuestions/)
    expect(errors).toEqual([])
  })
})
