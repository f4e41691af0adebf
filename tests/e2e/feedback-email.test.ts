import fs from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { budget } from '../helpers/patience'
import { rendererCopy } from '../helpers/renderer-copy'
import { createTempStudio, tempDir } from '../helpers/temp-studio'
import { startWebHost, type RunningHost } from '../helpers/web-host'
import { startSmtpSink, type SmtpSink } from '../unit/mail/smtp-sink'
import { seedCandidates } from '../unit/screening/seed'

/*
 * A job, an applicant with an email address and a published template are stored in-process; the
 * built web host then serves that data folder to Chromium, where the recruiter sets up email,
 * sends a test message, invites the candidate by email, rejects them, and drafts, edits and
 * approves feedback. Every message lands on a real SMTP server (smtp-server) in this process.
 */

const SHOTS = process.env.PANELIST_SHOTS_DIR
let browser: Browser
let host: RunningHost | undefined
let sink: SmtpSink
const PASSWORD = 'e2e-smtp-pass-Kw7'

beforeAll(async () => {
  const dataDir = tempDir('panelist-e2e-feedback-')
  const { studio } = await createTempStudio({ dataDir, startWorkers: false })
  try {
    const call = async <T>(name: string, input: unknown) => {
      const result = await studio.dispatch(name, input, { audience: 'recruiter' })
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
      return result.value as T
    }
    const jobId = (
      await call<{ id: string }>('jobs.create', {
        title: 'Frontend Engineer',
        description: 'React and TypeScript single-page applications.',
        requiredSkills: [
          { skillId: 'react', name: 'React', weight: 5 },
          { skillId: 'typescript', name: 'TypeScript', weight: 3 },
        ],
      })
    ).id
    const ids = await seedCandidates(studio, jobId, [
      {
        name: 'Bo Jensen',
        text: 'React developer',
        skills: ['react'],
        years: 2,
        education: 'bachelor',
        email: 'bo@example.com',
      },
    ])
    await call('candidates.addToJob', { jobId, candidateIds: ids })
    const template = await call<{ id: string }>('templates.create', { name: 'Frontend screen', jobId })
    for (const text of ['Tell me about a recent component.', 'How do you test it?'])
      await call('questions.add', {
        templateId: template.id,
        question: { text, rubric: [{ name: 'Clarity', description: 'Explains it plainly' }] },
      })
    await call('templates.publish', { id: template.id })
  } finally {
    await studio.close()
  }
  sink = await startSmtpSink({ auth: { user: 'recruiter', pass: PASSWORD } })
  host = await startWebHost(dataDir, { PANELIST_RENDERER_DIR: rendererCopy() })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await sink?.close()
})

/** Serious or critical accessibility violations axe finds inside `selector`, as "rule: target" lines. */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

const arrived = (count: number) => expect.poll(() => sink.received.length, { timeout: budget(20_000) }).toBe(count)

describe('email to candidates in the browser', () => {
  it('sets up email, invites by email, and drafts, edits and approves feedback that arrives as approved', async () => {
    // A page in its own context, as axe's builder asks.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(host!.url)
    await page.getByRole('navigation', { name: 'Areas' }).waitFor()

    // Settings → Email: a problem is said beside its field, then the settings save.
    await page.getByRole('link', { name: 'Settings' }).click()
    const server = page.getByRole('form', { name: 'Email server' })
    await server.getByLabel('SMTP server').fill('smtp.acme.example')
    await server.getByLabel('Port').fill(String(sink.port))
    await server.getByLabel('Security').selectOption('none')
    await server.getByLabel('From address').fill('jobs@acme.example')
    await server.getByLabel('From name (what candidates see)').fill('Acme Hiring')
    await server.getByLabel('User name (blank if the server needs none)').fill('recruiter')
    await server.getByLabel('Password').fill(PASSWORD)
    await server.getByRole('button', { name: 'Save email settings' }).click()
    await expect
      .poll(() => server.getByText('No encryption is allowed only for a server on this computer').isVisible())
      .toBe(true)
    await server.getByLabel('SMTP server').fill('127.0.0.1')
    await server.getByRole('button', { name: 'Save email settings' }).click()
    await expect.poll(() => server.getByRole('status').textContent()).toBe('Email settings saved.')
    // The password went to the core's secret store: the form shows it only as saved.
    await expect(server.getByTestId('smtp-password-status').textContent()).resolves.toBe('Password: saved')
    await expect(server.getByLabel('Password (saved; type a new one to replace it)').inputValue()).resolves.toBe('')
    expect(await page.content()).not.toContain(PASSWORD)
    await shot(page, 'email-1-settings')
    expect(await axeProblems(page, '#email-settings')).toEqual([])

    const test = page.getByRole('form', { name: 'Send a test email' })
    await test.getByLabel('Send a test email to').fill('me@acme.example')
    await test.getByRole('button', { name: 'Send a test email' }).click()
    await expect
      .poll(() => test.getByTestId('smtp-test-result').textContent(), { timeout: budget(20_000) })
      .toMatch(/^Sent to me@acme\.example: the server accepted it/)
    await arrived(1)
    expect(sink.received[0]!.parsed.subject).toBe('Panelist test email')
    expect(sink.received[0]!.user).toBe('recruiter')

    // The candidate's page: invite to interview, then send the code by email.
    await page.getByRole('link', { name: 'Jobs', exact: true }).click()
    await page.getByRole('link', { name: 'Frontend Engineer' }).click()
    await page.getByRole('link', { name: 'Bo Jensen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Bo Jensen' }).waitFor()
    await page.getByRole('button', { name: 'Invite Bo Jensen to interview for Frontend Engineer' }).click()
    const dialog = page.getByRole('dialog', { name: 'Invite Bo Jensen to interview for Frontend Engineer' })
    await dialog.getByRole('button', { name: 'Create code' }).click()
    const code = (await dialog.locator('.kiosk-code').textContent())!
    const byEmail = dialog.getByRole('form', { name: 'Send the invitation by email' })
    await expect.poll(() => byEmail.getByLabel('Candidate’s email').inputValue()).toBe('bo@example.com')
    await byEmail.getByRole('button', { name: 'Send by email' }).click()
    await expect
      .poll(() => byEmail.getByTestId('invite-email-result').textContent(), { timeout: budget(20_000) })
      .toMatch(/^Sent to bo@example\.com: the server accepted it/)
    await shot(page, 'email-2-invitation-sent')
    expect(await axeProblems(page, '[role="dialog"]')).toEqual([])
    await arrived(2)
    const invitation = sink.received[1]!
    expect(invitation.to).toEqual(['bo@example.com'])
    expect(invitation.parsed.text).toContain(`Your interview code: ${code}`)
    expect(invitation.parsed.text).toContain('You can ask for another way')
    await page.keyboard.press('Escape')

    // Rejected after screening: feedback can be drafted (no AI key here, so from the template).
    await page.getByLabel('Status', { exact: true }).selectOption('rejected')
    const panel = page.getByRole('region', { name: 'Feedback to the candidate' })
    await panel.getByRole('button', { name: /^Draft feedback: Frontend Engineer/ }).click()
    const body = panel.getByLabel('Feedback', { exact: true })
    await panel.getByText('Template draft').waitFor()
    await expect
      .poll(() => panel.getByTestId('feedback-status').textContent())
      .toMatch(/^Draft: sent automatically at .* unless you approve or discard it first\.$/)
    const draft = await body.inputValue()
    expect(draft).toContain('Your resume shows clear experience with React')
    const edited = `${draft}\n\nP.S. We open junior roles every spring.`
    await body.fill(edited)
    await shot(page, 'email-3-feedback-draft')
    expect(await axeProblems(page, '.candidate-feedback')).toEqual([])
    await panel.getByRole('button', { name: 'Approve and send' }).click()
    await expect
      .poll(() => panel.getByTestId('feedback-status').textContent(), { timeout: budget(20_000) })
      .toMatch(/^Sent to bo@example\.com/)
    await arrived(3)
    const feedback = sink.received[2]!
    expect(feedback.to).toEqual(['bo@example.com'])
    expect(feedback.parsed.subject).toBe('Your application for Frontend Engineer: feedback')
    expect(feedback.parsed.text!.trim()).toBe(edited.trim())
    await shot(page, 'email-4-feedback-sent')

    // Back in settings, the log lists all three.
    await page.getByRole('link', { name: 'Settings' }).click()
    const log = page.getByTestId('mail-deliveries')
    await expect.poll(() => log.locator('tbody tr').count()).toBe(3)
    expect(errors).toEqual([])
  })
})
