import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkspaceInvitation, WorkspaceView } from '@shared/contract/sync'
import type { Studio } from '@core/studio'
import { startBillingWorld, billingWorldUnavailable, type BillingWorld } from '../harness/billing'
import { axeViolations, blocking, describeViolation } from '../helpers/axe'
import { launchChromium } from '../helpers/browser'
import { budget } from '../helpers/patience'
import { rendererCopy } from '../helpers/renderer-copy'
import { createTempStudio, tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'

/*
 * Billing in Chromium with two studios of one workspace (two data folders, two web hosts) against
 * the real workspace server (Postgres with the migrations, the Supabase stand-in) running the real
 * `billing` Edge Function under Deno, whose Stripe calls go to the wire stub. The admin opens
 * Billing (Free: bars and numbers), upgrades to Plus through Stripe: the checkout page opens in a
 * new tab; the stub completes it and delivers the signed webhook to the function; the admin's bars
 * change to the Plus limits. The recruiter on the other studio, whose Billing page was open on Free,
 * sees Plus after its sync, and is told to ask an admin. The page passes axe in light and dark.
 */

const unavailable = billingWorldUnavailable()
const PASSWORD = 'correct horse battery staple'
const ADMIN = 'billing-admin@example.test'
const RECRUITER = 'billing-recruiter@example.test'
const shots = process.env.PANELIST_SHOTS_DIR

let world: BillingWorld | undefined
let browser: Browser | undefined
const hosts: RunningHost[] = []

async function call<T>(studio: Studio, name: string, input: object = {}): Promise<T> {
  const result = await studio.dispatch(name, input, { audience: 'recruiter' })
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

/** A data folder whose studio is signed in as `email` and adopted into the workspace (made here when none is given). */
async function seedStudio(
  prefix: string,
  email: string,
  join: (studio: Studio) => Promise<string>,
): Promise<{ dataDir: string; workspace: string; studio: Studio }> {
  const dataDir = tempDir(prefix)
  const { studio } = await createTempStudio({
    dataDir,
    sync: { project: { url: world!.server.url, anonKey: world!.server.anonKey }, intervalMs: 3_600_000 },
  })
  await call(studio, 'sync.signUp', { email, password: PASSWORD })
  const workspace = await join(studio)
  await call(studio, 'sync.adopt', { workspaceId: workspace })
  await studio.queue.idle()
  return { dataDir, workspace, studio }
}

beforeAll(async () => {
  if (unavailable) return
  world = await startBillingWorld()
  const admin = await seedStudio('panelist-e2e-billing-admin-', ADMIN, async (studio) => {
    return (await call<WorkspaceView>(studio, 'sync.createWorkspace', { name: 'Acme hiring' })).id
  })
  const invitation = await call<WorkspaceInvitation>(admin.studio, 'sync.invite', {
    workspaceId: admin.workspace,
    email: RECRUITER,
    role: 'recruiter',
  })
  await admin.studio.close()
  const recruiter = await seedStudio('panelist-e2e-billing-recruiter-', RECRUITER, async (studio) => {
    return (await call<WorkspaceView>(studio, 'sync.acceptInvitation', { token: invitation.token })).id
  })
  await recruiter.studio.close()
  const env = {
    PANELIST_SUPABASE_URL: world.server.url,
    PANELIST_SUPABASE_ANON_KEY: world.server.anonKey,
    PANELIST_RENDERER_DIR: rendererCopy(),
  }
  hosts.push(await startWebHost(admin.dataDir, env))
  hosts.push(await startWebHost(recruiter.dataDir, env))
  browser = await launchChromium()
}, budget(180_000))

afterAll(async () => {
  await browser?.close()
  for (const host of hosts) await host.stop()
  await world?.stop()
})

async function openStudio(url: string): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Areas' }).waitFor()
  return { page, context, errors }
}

async function openBilling(page: Page) {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Billing' }).click()
  await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor()
}

/** The words beside a usage bar, and the bar's own value for assistive technology. */
async function usage(page: Page, key: 'aiInterviews' | 'aiScreening' | 'seats') {
  const line = page.getByTestId(`usage-${key}`)
  const meter = line.getByRole('meter')
  return {
    text: (await line.locator('.usage-numbers').innerText()).trim(),
    max: await meter.getAttribute('aria-valuemax'),
    valueText: await meter.getAttribute('aria-valuetext'),
  }
}

async function noBlockingViolations(page: Page) {
  expect((await blocking(await axeViolations(page))).map(describeViolation)).toEqual([])
}

async function shootBothSchemes(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await noBlockingViolations(page)
    if (shots) await page.screenshot({ path: `${shots}/${name}-${scheme}.png`, fullPage: true })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

describe.skipIf(unavailable)(`billing in the browser${unavailable ? ` [${unavailable}]` : ''}`, () => {
  it(
    'an admin upgrades to Plus through Stripe: the checkout completes, the bars change, and a recruiter on another studio sees the new limits after its sync',
    async () => {
      const [hostAdmin, hostRecruiter] = hosts
      const admin = await openStudio(hostAdmin!.url)
      const recruiter = await openStudio(hostRecruiter!.url)

      // The recruiter's page is open on the Free plan before anything changes.
      await openBilling(recruiter.page)
      await expect.poll(() => recruiter.page.getByTestId('billing-plan').innerText()).toBe('Free plan')
      await recruiter.page.getByTestId('billing-ask-admin').waitFor()
      expect(await recruiter.page.getByRole('button', { name: /Upgrade to/ }).count()).toBe(0)

      await openBilling(admin.page)
      await expect.poll(() => admin.page.getByTestId('billing-plan').innerText()).toBe('Free plan')
      expect(await usage(admin.page, 'aiInterviews')).toEqual({
        text: '0 of 5 used, 5 left',
        max: '5',
        valueText: '0 of 5 used, 5 left',
      })
      // The admin and the recruiter: both of the Free plan's seats.
      expect((await usage(admin.page, 'seats')).text).toBe('2 of 2 used: none left')
      expect((await usage(admin.page, 'aiScreening')).text).toBe('0 of 50 used, 50 left')
      await shootBothSchemes(admin.page, 'billing-free')

      // Upgrade: the function answers a Stripe Checkout page, opened in a new tab (the system browser on the desktop).
      await admin.page.getByRole('radio', { name: /Stripe/ }).check()
      const opened = admin.context.waitForEvent('page')
      await admin.page.getByRole('button', { name: 'Upgrade to Plus' }).click()
      const checkout = await opened
      await expect.poll(() => checkout.url()).toMatch(/^http/)
      await admin.page.getByText(/The Plus checkout opened in your browser/).waitFor()

      // The customer pays; the stub marks the session paid and delivers the signed webhook, as Stripe would.
      const paid = await world!.completeCheckout(checkout.url())
      expect(paid.deliveries.length).toBeGreaterThan(0)
      expect(paid.deliveries.every((d) => d.status >= 200 && d.status < 300)).toBe(true)
      await checkout.close()

      await expect
        .poll(
          async () => {
            await admin.page.getByRole('button', { name: 'Check now' }).click()
            return admin.page.getByTestId('billing-plan').innerText()
          },
          { timeout: budget(60_000), interval: 500 },
        )
        .toBe('Plus plan')
      expect(await usage(admin.page, 'aiInterviews')).toEqual({
        text: '0 of 50 used, 50 left',
        max: '50',
        valueText: '0 of 50 used, 50 left',
      })
      expect((await usage(admin.page, 'seats')).text).toBe('2 of 5 used, 3 left')
      expect((await usage(admin.page, 'aiScreening')).text).toBe('0 of 1000 used, 1000 left')
      await admin.page.getByRole('button', { name: 'Manage billing and invoices' }).waitFor()
      await shootBothSchemes(admin.page, 'billing-plus')

      // The recruiter's open page follows its studio's sync, without reopening it.
      await expect
        .poll(
          async () => {
            await recruiter.page.getByRole('button', { name: 'Sync now' }).click()
            return recruiter.page.getByTestId('billing-plan').innerText()
          },
          { timeout: budget(60_000), interval: 500 },
        )
        .toBe('Plus plan')
      expect((await usage(recruiter.page, 'aiInterviews')).text).toBe('0 of 50 used, 50 left')
      await recruiter.page.getByTestId('billing-ask-admin').waitFor()
      await shootBothSchemes(recruiter.page, 'billing-recruiter')

      expect(admin.errors).toEqual([])
      expect(recruiter.errors).toEqual([])
    },
    budget(240_000),
  )
})
