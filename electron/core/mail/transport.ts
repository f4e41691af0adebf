import nodemailer from 'nodemailer'
import { describeSmtpFailure } from './errors-in-words'
import type { SmtpSettings } from './settings'

export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
  /** `<…@…>`, the same on every attempt. */
  messageId: string
}

export type SendOutcome = { ok: true; response: string } | { ok: false; error: string; permanent: boolean }

/** Sends one message over SMTP with the settings as they are now; never throws. */
export type MailSender = (
  settings: SmtpSettings & { password: string | undefined },
  message: MailMessage,
  signal: AbortSignal,
) => Promise<SendOutcome>

/**
 * A nodemailer transport built for one send: settings may change between attempts, and a pooled
 * connection would outlive them. `secure` is TLS from the first byte (usually port 465);
 * STARTTLS upgrades a plain connection and refuses to go on without it; "none" (loopback only,
 * enforced by the contract) never upgrades.
 */
export function smtpSender(options: { timeoutMs: number }): MailSender {
  return async (settings, message, signal) => {
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      requireTLS: settings.security === 'starttls',
      ignoreTLS: settings.security === 'none',
      auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    })
    const abort = () => transport.close()
    signal.addEventListener('abort', abort, { once: true })
    try {
      const info = await transport.sendMail({
        from: { name: settings.fromName, address: settings.fromAddress },
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
      })
      if (info.rejected.length)
        return { ok: false, permanent: true, error: `The server refused the address ${message.to}.` }
      return { ok: true, response: String(info.response ?? '').slice(0, 300) }
    } catch (error) {
      const failure = describeSmtpFailure(error, settings)
      return { ok: false, error: failure.message, permanent: failure.permanent }
    } finally {
      signal.removeEventListener('abort', abort)
      transport.close()
    }
  }
}
