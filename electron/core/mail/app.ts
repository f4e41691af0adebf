import type { Kysely, Transaction } from 'kysely'
import { StudioError } from '../../../shared/contract/errors'
import type { InvitationEmailPreview } from '../../../shared/contract/mail'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { DomainApp } from '../ipc/dispatcher'
import type { Queue } from '../queue/queue'
import type { JobDefinition } from '../queue/types'
import type { SecretStore } from '../settings/types'
import { enqueueMail, getDelivery, listDeliveries, retryDelivery, type NewMail } from './deliveries'
import { htmlDocument, paragraphsToHtml } from './html'
import { composeInvitationEmail } from './invitation-email'
import { invitationForEmail } from './invitation-facts'
import { sendJob } from './send-job'
import { readSmtpSettings, saveSmtpSettings, settingsView, type SmtpSettings } from './settings'
import { smtpSender, type MailSender } from './transport'

export interface MailDeps {
  db: Kysely<Database>
  queue: Queue
  clock: Clock
  secrets: SecretStore
  /** How long one SMTP step (connect, greeting, each command) may take (default 20 s). */
  timeoutMs?: number
  /** The SMTP sender; the default is nodemailer with the saved settings. */
  send?: MailSender
}

/** What other domains use to send email: only ever through the queue. */
export interface MailOutbox {
  /** The settings, or null when email is not set up. */
  settings(): Promise<SmtpSettings | null>
  /** Stores the email and queues it in the caller's transaction; call `notify` after it commits. */
  enqueue(trx: Transaction<Database>, mail: NewMail, settings: SmtpSettings): Promise<string>
  notify(): void
}

export interface MailApp extends DomainApp<'mail'> {
  jobs: JobDefinition<never>[]
  outbox: MailOutbox
}

export const NOT_SET_UP = 'Email is not set up yet: add your SMTP server in Settings → Email.'

/** Email to candidates: SMTP settings, the queued sender with its delivery log, and the invitation email. */
export function createApp(deps: MailDeps): MailApp {
  const { db, queue, clock, secrets } = deps
  const send = deps.send ?? smtpSender({ timeoutMs: deps.timeoutMs ?? 20_000 })
  const outbox: MailOutbox = {
    settings: () => readSmtpSettings(db),
    enqueue: (trx, mail, settings) => enqueueMail(trx, { queue, clock }, mail, settings.fromAddress),
    notify: () => queue.notify(),
  }
  const mustHaveSettings = async () => {
    const settings = await readSmtpSettings(db)
    if (!settings) throw new StudioError('conflict', NOT_SET_UP)
    return settings
  }
  const sendNow = async (mail: NewMail) => {
    const settings = await mustHaveSettings()
    const id = await db.transaction().execute((trx) => outbox.enqueue(trx, mail, settings))
    queue.notify()
    return getDelivery(db, id)
  }

  async function invitationPreview(invitationId: string): Promise<InvitationEmailPreview> {
    const settings = await readSmtpSettings(db)
    const invitation = await invitationForEmail(db, invitationId)
    const email = composeInvitationEmail({ ...invitation.facts, senderName: settings?.fromName ?? 'the hiring team' })
    return {
      needs: settings ? invitation.problem : NOT_SET_UP,
      to: invitation.candidateEmail,
      subject: email.subject,
      text: email.text,
    }
  }

  return {
    jobs: [sendJob({ clock, secrets, send }) as JobDefinition<never>],
    outbox,
    handlers: {
      'mail.settings': async () => settingsView(await readSmtpSettings(db), secrets),
      'mail.saveSettings': (input) => saveSmtpSettings(db, secrets, input),
      'mail.sendTest': async ({ to }) => {
        const settings = await mustHaveSettings()
        const text = `This is a test message from Panelist, sent through ${settings.host}:${settings.port}. If it reached you, candidates' invitations and feedback will too.\n\n${settings.fromName}`
        return sendNow({
          kind: 'test',
          to,
          subject: 'Panelist test email',
          text,
          html: htmlDocument('Panelist test email', paragraphsToHtml(text)),
          candidateId: null,
          sourceId: null,
        })
      },
      'mail.deliveries': (filter) => listDeliveries(db, filter),
      'mail.retry': async ({ id }) => {
        const delivery = await retryDelivery(db, queue, id)
        queue.notify()
        return delivery
      },
      'mail.invitationPreview': ({ invitationId }) => invitationPreview(invitationId),
      'mail.sendInvitation': async ({ invitationId, to }) => {
        const settings = await mustHaveSettings()
        const invitation = await invitationForEmail(db, invitationId)
        if (invitation.problem) throw new StudioError('conflict', invitation.problem)
        const email = composeInvitationEmail({ ...invitation.facts, senderName: settings.fromName })
        return sendNow({
          kind: 'invitation',
          to,
          ...email,
          candidateId: invitation.candidateId,
          sourceId: invitationId,
        })
      },
    },
  }
}
