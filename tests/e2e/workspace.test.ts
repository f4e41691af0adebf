import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blocking, axeViolations, describeViolation } from '../helpers/axe'
import { launchChromium } from '../helpers/browser'
import { budget } from '../helpers/patience'
import { createTempStudio, tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
import { startWorkspaceServer, workspaceServerUnavailable, type WorkspaceServer } from '../harness/supabase'
import { edgeFunctionsUnavailable } from '../harness/supabase/function-routes'
import { recruiterCall, seedApplicant } from '../unit/fairness/seed'

/*
 * Two studios (two data folders, two web hosts) and the real workspace server (Postgres with the
 * migrations, the Supabase stand-in). In Chromium, A creates an account and a workspace, adopts the
 * studio's job into it and invites B; B creates an account in the other studio, accepts, adopts and
 * sees the job's board. A drags a candidate; B's board follows. A makes B a viewer; B's board then
 * offers no way to move anyone. A shares a candidate with a hiring manager, whose browser shows what
 * was ticked until A revokes the link, then signs out and back in with a code from the email. The
 * new screens pass axe.
 */

const unavailable = workspaceServerUnavailable() ?? edgeFunctionsUnavailable()
const SHARED_LINK_FUNCTION = path.resolve(__dirname, '../../supabase/functions/shared-link/index.ts')
const PASSWORD = 'correct horse battery'
const CANDIDATES = ['Amara Okafor', 'Bruno Costa', 'Chen Wei']

let server: WorkspaceServer | undefined
let browser: Browser | undefined
const hosts: RunningHost[] = []
let jobId: string
let sharedId: string
const shots = process.env.PANELIST_SHOTS_DIR

beforeAll(async () => {
  if (unavailable) return
  server = await startWorkspaceServer({
    edgeFunctions: { functions: { 'shared-link': SHARED_LINK_FUNCTION } },
    edgeFunctionStartMs: budget(60_000),
  })
  const env = { PANELIST_SUPABASE_URL: server.url, PANELIST_SUPABASE_ANON_KEY: server.anonKey }
  const dataA = tempDir('panelist-e2e-workspace-a-')
  const { studio } = await createTempStudio({ dataDir: dataA, startWorkers: false })
  try {
    jobId = (await recruiterCall<{ id: string }>(studio, 'jobs.create', { title: 'Data analyst' })).id
    for (const name of CANDIDATES) {
      const id = await seedApplicant(studio, jobId, { name, status: 'new', email: `${name.split(' ')[0]}@example.org` })
      if (name === 'Bruno Costa') sharedId = id
    }
  } finally {
    await studio.close()
  }
  hosts.push(await startWebHost(dataA, env))
  hosts.push(await startWebHost(tempDir('panelist-e2e-workspace-b-'), env))
  hosts.push(await startWebHost(tempDir('panelist-e2e-workspace-c-'), env))
  browser = await launchChromium()
}, budget(120_000))

afterAll(async () => {
  await browser?.close()
  for (const host of hosts) await host.stop()
  await server?.stop()
})

const column = (page: Page, status: string) => page.getByTestId(`column-${status}`)
const names = async (where: Locator) =>
  (
    await where.getByTestId('board-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-candidate')))
  ).sort()

async function noBlockingViolations(page: Page) {
  expect((await blocking(await axeViolations(page))).map(describeViolation)).toEqual([])
}

async function shoot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

/** A recruiter tab in a context of its own (axe refuses browser.newPage's implicit one), page errors collected. */
async function openStudio(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Areas' }).waitFor()
  return { page, errors }
}

async function createAccount(page: Page, email: string) {
  await page.getByRole('link', { name: 'Team workspace' }).click()
  const form = page.getByRole('group', { name: 'Create an account' })
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('Password').fill(PASSWORD)
  await form.getByRole('button', { name: 'Create account' }).click()
  await page.getByText(`Signed in as ${email}`).waitFor()
}

/**
 * "Use this workspace", the preview, and the confirmation; resolves with what the dialog said once
 * the studio syncs there.
 */
async function adopt(page: Page, workspace: string): Promise<string> {
  await page
    .getByRole('row', { name: new RegExp(workspace) })
    .getByRole('button', { name: 'Use this workspace' })
    .click()
  const dialog = page.getByRole('dialog', { name: `Use ${workspace} for this studio?` })
  await dialog.getByText(/changes? to send to the workspace/).waitFor()
  await noBlockingViolations(page)
  const said = await dialog.innerText()
  if (await dialog.getByTestId('adopt-preview').count()) await shoot(page, 'workspace-adopt')
  await dialog.getByRole('button', { name: `Use ${workspace}` }).click()
  await page.getByText('This studio syncs here').waitFor()
  return said
}

/** Presses Sync now on each page until `check` holds (sync also runs on a timer; this is faster). */
async function syncUntil(pages: Page[], check: () => Promise<boolean>) {
  const deadline = Date.now() + budget(60_000)
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error('the studios did not converge')
    for (const page of pages) await page.getByRole('button', { name: 'Sync now' }).click()
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

describe.skipIf(unavailable)(`the team workspace in the browser${unavailable ? ` [${unavailable}]` : ''}`, () => {
  it(
    'signs up, creates and adopts a workspace, invites, joins, and boards follow each other; a viewer cannot move; a shared link shows what was ticked until revoked',
    async () => {
      const [hostA, hostB, hostC] = hosts
      const a = await openStudio(hostA!.url)
      const b = await openStudio(hostB!.url)
      const pageA = a.page
      const pageB = b.page

      // Signed out: the sidebar says so quietly; a bad email is named beside its field.
      await pageA.getByTestId('sync-indicator').getByText('Local only').waitFor()
      await pageA.getByRole('link', { name: 'Team workspace' }).click()
      await pageA.getByRole('heading', { name: 'Team workspace', level: 1 }).waitFor()
      const signIn = pageA.getByRole('group', { name: 'Sign in', exact: true })
      await signIn.getByLabel('Email').fill('not an email')
      await signIn.getByLabel('Password').fill(PASSWORD)
      await signIn.getByRole('button', { name: 'Sign in' }).click()
      await expect.poll(() => signIn.getByLabel('Email').getAttribute('aria-invalid')).toBe('true')
      await shoot(pageA, 'workspace-signed-out')
      // The server's refusal, in words: no such account yet.
      await signIn.getByLabel('Email').fill('ada@example.test')
      await signIn.getByRole('button', { name: 'Sign in' }).click()
      await signIn
        .getByRole('alert')
        .filter({ hasText: /^Signing in failed: .+/ })
        .waitFor()
      expect(await signIn.getByRole('alert').innerText()).not.toMatch(/sync\.|forbidden/)
      await noBlockingViolations(pageA)

      // A: account, workspace, adoption of the studio's job and candidates.
      await createAccount(pageA, 'ada@example.test')
      const create = pageA.getByRole('group', { name: 'Create a workspace' })
      await create.getByLabel('Workspace name').fill('Acme hiring')
      await create.getByRole('button', { name: 'Create workspace' }).click()
      await pageA.getByRole('row', { name: /Acme hiring\s+Admin/ }).waitFor()
      // The team outnumbers Free's two seats: the workspace is on Pro (set as the billing webhook would).
      await server!.owner.query(`update billing_entitlements set plan = 'pro', status = 'active'`)
      const preview = await adopt(pageA, 'Acme hiring')
      expect(preview).toMatch(/Candidates\s+3/)
      expect(preview).toMatch(/stay on this computer unless an admin turns on file sync/)
      await shoot(pageA, 'workspace-signed-in')
      await noBlockingViolations(pageA)
      // File sync starts off; the admin turns it on for the whole workspace.
      const files = pageA.getByTestId('file-sync')
      await files.getByText('File sync is off.').waitFor()
      await files.getByRole('button', { name: 'Turn file sync on' }).click()
      await files.getByText('File sync is on.').waitFor()
      await files.getByText(/files? in the workspace/).waitFor()
      await shoot(pageA, 'workspace-file-sync')
      await noBlockingViolations(pageA)

      // A invites B as a recruiter; the code is shown once, to pass on.
      await pageA.getByRole('link', { name: 'Members' }).click()
      await pageA.getByRole('heading', { name: 'Members', level: 1 }).waitFor()
      await pageA.getByLabel('Email').fill('bea@example.test')
      await pageA.getByLabel('Role', { exact: true }).selectOption('recruiter')
      await pageA.getByRole('button', { name: 'Invite' }).click()
      const code = (await pageA.getByTestId('invitation-code').innerText()).trim()
      expect(code).toMatch(/^[0-9a-f]{64}$/)
      await pageA.getByText(/expires/).waitFor()
      await shoot(pageA, 'workspace-members')
      await noBlockingViolations(pageA)
      // And C as a viewer.
      await pageA.getByLabel('Email').fill('cyd@example.test')
      await pageA.getByLabel('Role', { exact: true }).selectOption('viewer')
      await pageA.getByRole('button', { name: 'Invite' }).click()
      await pageA.getByText(/Invitation for cyd@example.test as viewer/).waitFor()
      const viewerCode = (await pageA.getByTestId('invitation-code').innerText()).trim()
      expect(viewerCode).not.toBe(code)

      // B: account, invitation, adoption of an empty studio, then A's job arrives.
      await createAccount(pageB, 'bea@example.test')
      const accept = pageB.getByRole('group', { name: 'Accept an invitation' })
      await accept.getByLabel('Invitation code').fill(code)
      await accept.getByRole('button', { name: 'Join workspace' }).click()
      await pageB.getByRole('row', { name: /Acme hiring\s+Recruiter/ }).waitFor()
      // File sync is on by now: B is told the studio's files will be sent.
      expect(await adopt(pageB, 'Acme hiring')).toMatch(/File sync is on in this workspace/)
      // A recruiter sees the setting but cannot change it.
      await pageB.getByTestId('file-sync').getByText('File sync is on.').waitFor()
      await pageB.getByText(/Only the workspace.s admins can turn file sync on or off/).waitFor()
      await pageB.goto(`${hostB!.url}#/board/${jobId}`)
      await syncUntil([pageB], async () => (await column(pageB, 'new').count()) > 0)
      await syncUntil([pageB], async () => (await names(column(pageB, 'new'))).length === CANDIDATES.length)

      // A drags Amara to Screened; B's board shows the move once the studios have synced.
      await pageA.goto(`${hostA!.url}#/board/${jobId}`)
      await expect.poll(() => names(column(pageA, 'new'))).toEqual(CANDIDATES)
      const grip = pageA.getByRole('button', { name: 'Move Amara Okafor' })
      const from = (await grip.boundingBox())!
      const to = (await column(pageA, 'screened').boundingBox())!
      await pageA.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await pageA.mouse.down()
      await pageA.mouse.move(from.x + 20, from.y + 10, { steps: 4 })
      await pageA.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 })
      await pageA.mouse.up()
      await expect.poll(() => names(column(pageA, 'screened'))).toEqual(['Amara Okafor'])
      await syncUntil([pageA, pageB], async () => (await names(column(pageB, 'screened'))).includes('Amara Okafor'))
      expect(await names(column(pageB, 'new'))).toEqual(['Bruno Costa', 'Chen Wei'])
      // The sidebar says when the last sync finished, and no change waits to be sent.
      const indicator = pageA.getByTestId('sync-indicator')
      await expect.poll(() => indicator.locator('.sync-line').innerText()).toMatch(/^Synced \d/)
      expect(await indicator.getByText('Synced with the workspace').count()).toBe(1)
      expect(await indicator.innerText()).not.toMatch(/to send/)

      // C, a viewer from the start, sees the board with the move and no way to move anyone.
      const c = await openStudio(hostC!.url)
      const pageC = c.page
      await createAccount(pageC, 'cyd@example.test')
      const acceptC = pageC.getByRole('group', { name: 'Accept an invitation' })
      await acceptC.getByLabel('Invitation code').fill(viewerCode)
      await acceptC.getByRole('button', { name: 'Join workspace' }).click()
      await pageC.getByRole('row', { name: /Acme hiring\s+Viewer/ }).waitFor()
      await adopt(pageC, 'Acme hiring')
      await pageC.goto(`${hostC!.url}#/board/${jobId}`)
      await syncUntil([pageC], async () => (await column(pageC, 'screened').count()) > 0)
      await syncUntil([pageC], async () => (await names(column(pageC, 'screened'))).includes('Amara Okafor'))
      await pageC.getByText('Viewers cannot move candidates.').waitFor()
      expect(await pageC.getByRole('button', { name: /^Move / }).count()).toBe(0)
      expect(await pageC.getByLabel(/^Stage of /).count()).toBe(0)
      expect(await pageC.locator('.board-card-grip').count()).toBe(0)
      expect(c.errors).toEqual([])

      // A makes B a viewer; after B's next sync the board offers no handle and no stage list.
      await pageA.goto(`${hostA!.url}#/workspace/members`)
      await pageA.getByLabel('Role of bea@example.test').selectOption('viewer')
      await expect.poll(() => pageA.getByLabel('Role of bea@example.test').inputValue()).toBe('viewer')
      await syncUntil([pageB], async () => (await pageB.getByText('Viewers cannot move candidates.').count()) > 0)
      expect(await pageB.getByRole('button', { name: /^Move / }).count()).toBe(0)
      expect(await pageB.getByLabel(/^Stage of /).count()).toBe(0)
      await shoot(pageB, 'workspace-viewer-board')

      // B, a viewer now, sees the members read-only.
      await pageB.goto(`${hostB!.url}#/workspace/members`)
      await pageB.getByRole('row', { name: /bea@example.test\s+Viewer/ }).waitFor()
      expect(await pageB.getByRole('button', { name: 'Invite' }).count()).toBe(0)
      await noBlockingViolations(pageB)

      // A removes B, asked once first.
      await pageA.getByRole('button', { name: 'Remove bea@example.test' }).click()
      await pageA.getByRole('button', { name: 'Remove', exact: true }).click()
      await expect
        .poll(() =>
          pageA.getByTestId('member-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-email'))),
        )
        .toEqual(['ada@example.test', 'cyd@example.test'])
      expect(await pageA.getByRole('row', { name: /ada@example.test\s+Admin/ }).count()).toBe(1)

      // A shares Bruno with a hiring manager: his profile, not his contact details; he is not ranked
      // for the job yet, so its ranking cannot be ticked and the dialog says why.
      await pageA.goto(`${hostA!.url}#/jobs/${jobId}/candidates/${sharedId}`)
      await pageA.getByRole('button', { name: 'Share with a hiring manager…' }).click()
      const share = pageA.getByRole('dialog', { name: 'Share Bruno Costa with a hiring manager' })
      await share.getByText('None yet.').waitFor()
      expect(await share.getByRole('checkbox', { name: /Contact details/ }).isChecked()).toBe(false)
      const ranking = share.getByRole('checkbox', { name: /Ranking for this job.*not ranked for this job yet/ })
      expect(await ranking.isDisabled()).toBe(true)
      expect(await ranking.isChecked()).toBe(false)
      await share.getByLabel('Expires after').selectOption('3')
      await share.getByRole('button', { name: 'Create link' }).click()
      const url = await share.getByLabel('Shared link').inputValue()
      expect(url.startsWith(`${server!.url}/functions/v1/shared-link?t=`)).toBe(true)
      await noBlockingViolations(pageA)
      await shoot(pageA, 'share-dialog')

      // The hiring manager, with no account, opens it in a browser of their own.
      const manager = await browser!.newPage()
      const opened = await manager.goto(url)
      expect(opened?.status()).toBe(200)
      await manager.getByRole('heading', { name: 'Bruno Costa', level: 1 }).waitFor()
      expect(await manager.content()).not.toContain('Bruno@example.org')
      await shoot(manager, 'shared-link-page')
      // The opening shows on the candidate's links; revoking it ends the page.
      await share.getByRole('button', { name: 'Close' }).click()
      await pageA.getByRole('button', { name: 'Share with a hiring manager…' }).click()
      await share.getByRole('cell', { name: /1\s+.*opened/ }).waitFor()
      await share.getByRole('button', { name: /^Revoke the link created/ }).click()
      await share.getByRole('cell', { name: /^Revoked / }).waitFor()
      const after = await manager.goto(url)
      expect(after?.status()).toBe(410)
      await manager.getByRole('heading', { name: 'This link was revoked.' }).waitFor()
      expect(await manager.content()).not.toContain('Bruno')
      await manager.close()

      // A signs out, then back in with a one-time code from the email instead of the password.
      await pageA.goto(`${hostA!.url}#/workspace`)
      await pageA.getByRole('button', { name: 'Sign out' }).click()
      const byCode = pageA.getByRole('group', { name: 'Sign in with a code' })
      await byCode.getByLabel('Email').fill('ada@example.test')
      await byCode.getByRole('button', { name: 'Email me a code' }).click()
      await byCode.getByText('We emailed a six-digit code to ada@example.test.', { exact: false }).waitFor()
      const emailed = server!.supabase.sentCodes.filter((sent) => sent.email === 'ada@example.test').at(-1)!
      await byCode.getByLabel('Code from the email').fill(emailed.code)
      await noBlockingViolations(pageA)
      await byCode.getByRole('button', { name: 'Sign in' }).click()
      await pageA.getByText('Signed in as ada@example.test').waitFor()

      expect(a.errors).toEqual([])
      expect(b.errors).toEqual([])
    },
    budget(300_000),
  )
})
