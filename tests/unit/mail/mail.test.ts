import { afterEach, describe, expect, it } from 'vitest'
import type { InvitationView } from '@shared/contract/interviews'
import type { InvitationEmailPreview, MailDeliveryView, MailSettingsView } from '@shared/contract/mail'
import { sendJob } from '@core/mail/send-job'
import { formatWhen } from '@core/mail/invitation-email'
import type { Studio } from '@core/studio'
import { budget } from '../../helpers/patience'
import { createTempStudio } from '../../helpers/temp-studio'
import { startSmtpSink, type SmtpSink } from './smtp-sink'

/*
 * Email to candidates end to end: a real studio on a real SQLite file sends through nodemailer to a
 * real SMTP server (smtp-server) on 127.0.0.1, and each message is read back with mailparser.
 */

const PASSWORD = 'smtp-pass-Zq81-never-shown'
let studio: Studio | undefined
const sinks: SmtpSink[] = []
/** Every answer a recruiter window received in this test, to prove the password is in none. */
const answers: string[] = []

afterEach(async () => {
  await studio?.close()
  studio = undefined
  await Promise.all(sinks.splice(0).map((s) => s.close()))
  answers.length = 0
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await studio!.dispatch(name, input, { audience: 'recruiter' })
  answers.push(JSON.stringify(result))
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
  const s = await startSmtpSink(options)
  sinks.push(s)
  return s
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + budget(15_000)
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const settingsFor = (port: number, extra: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: '',
  fromAddress: 'jobs@acme.example',
  fromName: 'Acme Hiring',
  ...extra,
})

const delivery = (id: string) => call<MailDeliveryView[]>('mail.deliveries', { id }).then((list) => list[0]!)

const settled = (id: string) =>
  eventually(async () => {
    const d = await delivery(id)
    return d.status === 'sent' || d.status === 'failed' ? d : undefined
  }, `email ${id} to settle`)

/** A candidate with an email address, a published template for no job, and a pending invitation. */
async function invitation(candidateEmail: string | null = 'ada@example.com'): Promise<InvitationView> {
  const candidateId = await studio!.db.transaction().execute((trx) =>
    studio!.writer.insert(trx, 'candidates', {
      name: 'Ada Lovelace',
      email: candidateEmail,
      phone: null,
      email_key: candidateEmail,
      phone_key: null,
      links: '[]',
      current_title: null,
      total_years: 5,
      education_level: 'bachelor',
      tags: '[]',
      current_file_id: null,
    }),
  )
  const template = await call<{ id: string }>('templates.create', {
    name: 'Backend screen',
    jobId: null,
    settings: { maxQuestions: 6, maxDurationMinutes: 25 },
  })
  for (const text of ['Tell me about a recent API.', 'How do you test it?'])
    await call('questions.add', {
      templateId: template.id,
      question: { text, rubric: [{ name: 'Clarity', description: 'Explains it plainly' }] },
    })
  await call('templates.publish', { id: template.id })
  return call<InvitationView>('invitations.create', {
    templateId: template.id,
    candidateId,
    candidateName: 'Ada Lovelace',
    expiresInHours: 72,
    location: 'Room 4, second floor',
  })
}

describe('SMTP settings', () => {
  it('keep the password in the secret store: no answer carries it, a save without one keeps it, and the server sees it', async () => {
    ;({ studio } = await createTempStudio())
    const server = await sink({ auth: { user: 'recruiter', pass: PASSWORD } })
    expect((await call<MailSettingsView>('mail.settings', {})).configured).toBe(false)

    const saved = await call<MailSettingsView>(
      'mail.saveSettings',
      settingsFor(server.port, { user: 'recruiter', password: PASSWORD }),
    )
    expect(saved).toMatchObject({ configured: true, passwordSaved: true, user: 'recruiter', security: 'none' })
    // Saved again without a password (a changed sender name): the password stays.
    await call('mail.saveSettings', settingsFor(server.port, { user: 'recruiter', fromName: 'Acme Talent' }))
    expect(await call<MailSettingsView>('mail.settings', {})).toMatchObject({
      passwordSaved: true,
      fromName: 'Acme Talent',
    })
    expect(await call('secrets.status', {})).toEqual({ 'openai.apiKey': false, 'deepgram.apiKey': false })

    const test = await call<MailDeliveryView>('mail.sendTest', { to: 'me@acme.example' })
    const done = await settled(test.id)
    expect(done).toMatchObject({ status: 'sent', kind: 'test', attempts: 1, lastError: null })
    expect(server.received).toHaveLength(1)
    const [mail] = server.received
    expect(mail!.user).toBe('recruiter')
    expect(mail!.to).toEqual(['me@acme.example'])
    expect(mail!.parsed.from?.value[0]).toMatchObject({ address: 'jobs@acme.example', name: 'Acme Talent' })
    expect(mail!.parsed.messageId).toBe(done.messageId)
    expect(done.messageId).toMatch(/^<[0-9a-f-]+@acme\.example>$/)

    await call('mail.deliveries', { limit: 50 })
    expect(answers.length).toBeGreaterThan(5)
    for (const answer of answers) expect(answer).not.toContain(PASSWORD)
  })

  it('refuses no encryption for a server off this machine, and says so on the field', async () => {
    ;({ studio } = await createTempStudio({ startWorkers: false }))
    // Email is the recruiter's: a kiosk window can neither read the settings nor send.
    for (const name of ['mail.settings', 'mail.deliveries', 'feedback.policy'])
      expect(await studio.dispatch(name, {}, { audience: 'kiosk' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
    const refused = await studio.dispatch('mail.saveSettings', settingsFor(587, { host: 'smtp.acme.example' }), {
      audience: 'recruiter',
    })
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('invalid_input')
    expect(refused.error.issues?.join()).toContain(
      'security: No encryption is allowed only for a server on this computer',
    )
    const ok = await studio.dispatch(
      'mail.saveSettings',
      settingsFor(587, { host: 'smtp.acme.example', security: 'starttls' }),
      {
        audience: 'recruiter',
      },
    )
    expect(ok.ok).toBe(true)
  })

  it('a wrong password fails in words without retrying for ever; fixed, "Retry now" sends it', async () => {
    ;({ studio } = await createTempStudio())
    const server = await sink({ auth: { user: 'recruiter', pass: PASSWORD } })
    await call('mail.saveSettings', settingsFor(server.port, { user: 'recruiter', password: 'not-the-password' }))
    const { id } = await call<MailDeliveryView>('mail.sendInvitation', {
      invitationId: (await invitation()).id,
      to: 'ada@example.com',
    })
    const failed = await settled(id)
    expect(failed.status).toBe('failed')
    expect(failed.attempts).toBe(1)
    expect(failed.lastError).toMatch(/refused the user name or password/)
    expect(server.received).toHaveLength(0)

    await call('mail.saveSettings', settingsFor(server.port, { user: 'recruiter', password: PASSWORD }))
    await call('mail.retry', { id })
    expect((await settled(id)).status).toBe('sent')
    expect(server.received).toHaveLength(1)
    expect(server.received[0]!.parsed.messageId).toBe(failed.messageId)
  })
  it('STARTTLS is required when chosen: a server that offers no encryption gets nothing, and the reason is said', async () => {
    ;({ studio } = await createTempStudio())
    const server = await sink()
    await call('mail.saveSettings', settingsFor(server.port, { security: 'starttls' }))
    const test = await call<MailDeliveryView>('mail.sendTest', { to: 'me@acme.example' })
    const failed = await settled(test.id)
    expect(failed.status).toBe('failed')
    expect(failed.lastError).toMatch(
      /^The secure connection to 127\.0\.0\.1:\d+ failed \(Error upgrading connection with STARTTLS.*\)\. Check the security setting/,
    )
    expect(server.received).toHaveLength(0)
  })

  it('TLS checks the server’s certificate: a self-signed one is refused before anything is sent', async () => {
    ;({ studio } = await createTempStudio())
    const server = await sink({ secure: true })
    await call('mail.saveSettings', settingsFor(server.port, { host: 'localhost', security: 'tls' }))
    const failed = await settled((await call<MailDeliveryView>('mail.sendTest', { to: 'me@acme.example' })).id)
    expect(failed.status).toBe('failed')
    expect(failed.lastError).toMatch(
      /^The secure connection to localhost:\d+ failed \(.*(self[- ]signed|certificate).*\)/i,
    )
    expect(server.received).toHaveLength(0)
  })
})

describe('the invitation email', () => {
  it('says the code, the window, the place, what to expect and how to start, in plain text and simple HTML', async () => {
    ;({ studio } = await createTempStudio())
    const server = await sink()
    const invited = await invitation()

    // Before email is set up, the dialog is told what it needs.
    const before = await call<InvitationEmailPreview>('mail.invitationPreview', { invitationId: invited.id })
    expect(before.needs).toMatch(/Settings → Email/)
    expect(before.to).toBe('ada@example.com')
    const refused = await studio.dispatch(
      'mail.sendInvitation',
      { invitationId: invited.id, to: 'ada@example.com' },
      { audience: 'recruiter' },
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })

    await call('mail.saveSettings', settingsFor(server.port))
    const preview = await call<InvitationEmailPreview>('mail.invitationPreview', { invitationId: invited.id })
    expect(preview.needs).toBeNull()
    const sent = await call<MailDeliveryView>('mail.sendInvitation', {
      invitationId: invited.id,
      to: 'ada@example.com',
    })
    expect((await settled(sent.id)).status).toBe('sent')

    const [mail] = server.received
    const text = mail!.parsed.text!
    expect(mail!.parsed.subject).toBe(`Your interview for Backend screen: code ${invited.code}`)
    expect(text).toBe(preview.text.trimEnd() + (text.endsWith('\n') ? '\n' : ''))
    expect(text).toContain('Hello Ada,')
    expect(text).toContain(`Your interview code: ${invited.code}`)
    expect(text).toContain(`When: Any time until ${formatWhen(invited.expiresAt)}`)
    expect(text).toContain('Where: Room 4, second floor')
    expect(text).toContain('An AI interviewer asks the questions')
    expect(text).toContain('makes every decision')
    expect(text).toMatch(/Your answers are recorded/)
    expect(text).toContain('It takes about 25 minutes, with up to 2 questions.')
    expect(text).toContain('You can ask for another way')
    expect(text).toContain('"I would like another way to be assessed"')
    expect(text).toMatch(
      /How to start\n1\. Go to the interview computer at Room 4, second floor\.\n2\. Enter your code/,
    )

    const html = String(mail!.parsed.html)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain(`<title>Your interview for Backend screen: code ${invited.code}</title>`)
    expect(html).toMatch(/<dt[^>]*>Your interview code<\/dt><dd[^>]*>[A-Z2-9]{4}-[A-Z2-9]{4}<\/dd>/)
    expect(html).toContain('<h2 style="font-size: 1.15em;">How to start</h2>')
    expect(html).toContain('<ol><li>Go to the interview computer at Room 4, second floor.</li>')
    expect(html).toContain('You can ask for another way.')
    expect(html).toContain('&quot;I would like another way to be assessed&quot;')

    // A cancelled invitation cannot be sent.
    await call('invitations.cancel', { id: invited.id })
    const cancelled = await call<InvitationEmailPreview>('mail.invitationPreview', { invitationId: invited.id })
    expect(cancelled.needs).toBe('This invitation is cancelled; only a pending one can be sent.')
  })

  it('reaches a server that was down once it is up: retried with backoff, accepted once, under one Message-ID', async () => {
    ;({ studio } = await createTempStudio())
    const server = await sink({ down: true })
    await call('mail.saveSettings', settingsFor(server.port))
    const { id, messageId } = await call<MailDeliveryView>('mail.sendInvitation', {
      invitationId: (await invitation()).id,
      to: 'ada@example.com',
    })
    const refused = await eventually(async () => {
      const d = await delivery(id)
      return d.attempts >= 3 ? d : undefined
    }, 'three refused attempts')
    expect(refused.status).not.toBe('sent')
    expect(refused.lastError).toMatch(/Could not connect to 127\.0\.0\.1:\d+: the connection was refused/)

    await server.listen()
    const sent = await settled(id)
    expect(sent.status).toBe('sent')
    expect(sent.messageId).toBe(messageId)
    await studio.queue.idle()
    expect(server.received).toHaveLength(1)
    expect(server.received[0]!.parsed.messageId).toBe(messageId)

    // The job running again (a retry, or a restart before the queue marked it done) sends nothing more.
    const job = sendJob({
      clock: { now: Date.now },
      secrets: { get: () => undefined } as never,
      send: async () => {
        throw new Error('must not send again')
      },
    })
    const again = await job.run(
      { deliveryId: id },
      {
        jobId: 'again',
        attempt: 9,
        signal: new AbortController().signal,
        db: studio.db,
        progress: () => {},
        applyOnce: async () => false,
      },
    )
    expect(again).toEqual({ sent: true, messageId })
    expect(server.received).toHaveLength(1)
  })
})
