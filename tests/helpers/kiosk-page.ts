import type { Page } from 'playwright-core'
import { budget } from './patience'

/** Walks a kiosk page from its code to the first question: code, consent and device check, practice skipped. */
export async function enterInterview(page: Page, code: string): Promise<void> {
  await enterConsent(page, code)
  await page.getByText('We can hear you.').waitFor({ timeout: budget(20_000) })
  await page.getByRole('button', { name: 'Play test sound' }).click()
  await page.getByRole('button', { name: 'I heard it' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Skip practice and start' }).click()
}

/** Walks a kiosk page from its code through consent, up to the device check. */
export async function enterConsent(page: Page, code: string): Promise<void> {
  await page.getByLabel('Interview code').fill(code)
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByLabel(/I have read this and agree/).check()
  await page.getByRole('button', { name: 'I agree, continue' }).click()
}
