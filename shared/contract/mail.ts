import { z } from 'zod'
import { request } from './define'

/**
 * Email to candidates through the recruiter's own SMTP server: its settings, the delivery log and
 * the invitation email. Every request is the recruiter's. The SMTP password crosses the bridge in
 * one direction only (saved or replaced); no answer carries it, only whether one is saved.
 */

export const smtpSecuritySchema = z.enum(['tls', 'starttls', 'none'])
export type SmtpSecurity = z.infer<typeof smtpSecuritySchema>

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])
export const isLoopbackHost = (host: string) => LOOPBACK.has(host.trim().toLowerCase())

const id = z.string().min(1).max(64)
export const emailAddressSchema = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email('Enter an email address such as name@example.com'))

export const smtpSettingsInputSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'Enter the server name, such as smtp.example.com')
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'A server name has letters, digits, dots and dashes only'),
    port: z.number().int().min(1, 'A port is 1 to 65535').max(65535, 'A port is 1 to 65535'),
    security: smtpSecuritySchema,
    /** Blank when the server takes mail without signing in. */
    user: z.string().trim().max(320).default(''),
    fromAddress: emailAddressSchema,
    fromName: z.string().trim().min(1, 'Enter the name candidates see as the sender').max(120),
    /** Replaces the saved password when given; left out, the saved one stays. */
    password: z.string().min(1).max(512).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    // Without TLS the password and every candidate's email cross the network in the clear.
    if (value.security === 'none' && !isLoopbackHost(value.host))
      ctx.addIssue({
        code: 'custom',
        path: ['security'],
        message: 'No encryption is allowed only for a server on this computer (127.0.0.1 or localhost)',
      })
  })
export type SmtpSettingsInput = z.input<typeof smtpSettingsInputSchema>

/** The settings as the renderer sees them: never the password itself. */
export interface MailSettingsView {
  configured: boolean
  host: string
  port: number
  security: SmtpSecurity
  user: string
  fromAddress: string
  fromName: string
  passwordSaved: boolean
}

export const mailKindSchema = z.enum(['invitation', 'feedback', 'test'])
export type MailKind = z.infer<typeof mailKindSchema>

export type MailDeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed'

export interface MailDeliveryView {
  id: string
  kind: MailKind
  to: string
  subject: string
  status: MailDeliveryStatus
  attempts: number
  /** Why the last attempt failed, in words. */
  lastError: string | null
  sentAt: number | null
  /** The Message-ID every attempt carries, so a copy sent twice is recognisable as one message. */
  messageId: string
  candidateId: string | null
  createdAt: number
}

/** What the invite dialog needs before it offers "Send by email". */
export interface InvitationEmailPreview {
  /** Null when email can be sent; otherwise what is missing, in words. */
  needs: string | null
  /** The candidate's address from their resume, when there is one. */
  to: string | null
  subject: string
  text: string
}

export const mailRequests = {
  'mail.settings': request<MailSettingsView>()(z.object({}).strict()),
  'mail.saveSettings': request<MailSettingsView>()(smtpSettingsInputSchema),
  /** Queues a short message to this address; its delivery says how it went. */
  'mail.sendTest': request<MailDeliveryView>()(z.object({ to: emailAddressSchema }).strict()),
  'mail.deliveries': request<MailDeliveryView[]>()(
    z
      .object({
        id: id.optional(),
        candidateId: id.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
  ),
  /** Sends a failed delivery again now, with the same Message-ID. */
  'mail.retry': request<MailDeliveryView>()(z.object({ id }).strict()),
  'mail.invitationPreview': request<InvitationEmailPreview>()(z.object({ invitationId: id }).strict()),
  'mail.sendInvitation': request<MailDeliveryView>()(z.object({ invitationId: id, to: emailAddressSchema }).strict()),
}
