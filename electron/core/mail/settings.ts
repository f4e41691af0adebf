import type { Kysely } from 'kysely'
import { z } from 'zod'
import { smtpSecuritySchema, type MailSettingsView, type SmtpSecurity } from '../../../shared/contract/mail'
import { getMeta, setMeta } from '../db/meta'
import type { Database } from '../db/schema'
import type { SecretStore } from '../settings/types'

/** Kept in this workspace's database beside the log it feeds; the password lives in the secret store. */
const KEY = 'smtp_settings'
export const SMTP_PASSWORD = 'smtp.password' as const

export interface SmtpSettings {
  host: string
  port: number
  security: SmtpSecurity
  user: string
  fromAddress: string
  fromName: string
}

const storedSchema = z.object({
  host: z.string().min(1),
  port: z.number().int(),
  security: smtpSecuritySchema,
  user: z.string(),
  fromAddress: z.string().min(3),
  fromName: z.string().min(1),
})

export async function readSmtpSettings(db: Kysely<Database>): Promise<SmtpSettings | null> {
  const stored = await getMeta(db, KEY)
  if (stored === undefined) return null
  const parsed = storedSchema.safeParse(JSON.parse(stored))
  return parsed.success ? parsed.data : null
}

export function settingsView(settings: SmtpSettings | null, secrets: SecretStore): MailSettingsView {
  const passwordSaved = secrets.has(SMTP_PASSWORD)
  if (!settings)
    return {
      configured: false,
      host: '',
      port: 587,
      security: 'starttls',
      user: '',
      fromAddress: '',
      fromName: '',
      passwordSaved,
    }
  return { configured: true, ...settings, passwordSaved }
}

/** Saves the settings, and the password only when a new one is given (the saved one stays otherwise). */
export async function saveSmtpSettings(
  db: Kysely<Database>,
  secrets: SecretStore,
  input: SmtpSettings & { password?: string },
): Promise<MailSettingsView> {
  const { password, ...settings } = input
  // The secret first: settings that name a user whose password was refused would fail every send.
  if (password !== undefined) await secrets.set(SMTP_PASSWORD, password)
  await setMeta(db, KEY, JSON.stringify(settings))
  return settingsView(settings, secrets)
}
