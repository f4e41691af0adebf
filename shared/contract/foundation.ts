import { z } from 'zod'
import { request } from './define'

export const themeSchema = z.enum(['system', 'light', 'dark'])

const preferenceFields = {
  theme: themeSchema,
  reducedMotion: z.boolean(),
  workerConcurrency: z.number().int().min(1).max(8),
  updateChannel: z.enum(['stable', 'beta']),
}

/** Preferences a recruiter can change; every field has a default so an old file stays valid. */
export const preferencesSchema = z.object({
  theme: preferenceFields.theme.default('system'),
  reducedMotion: preferenceFields.reducedMotion.default(false),
  workerConcurrency: preferenceFields.workerConcurrency.default(2),
  updateChannel: preferenceFields.updateChannel.default('stable'),
})
export type Preferences = z.infer<typeof preferencesSchema>
/**
 * A change to some preferences: only the fields it names. Built from the fields without their
 * defaults: zod 4 fills a default in even inside .partial(), so a patch of one field used to reset
 * every other field to its default.
 */
export const preferencesPatchSchema = z.object(preferenceFields).partial().strict()

/** Names of the secrets the studio knows; the renderer may only refer to these. */
export const secretNameSchema = z.enum(['openai.apiKey', 'deepgram.apiKey'])
export type SecretName = z.infer<typeof secretNameSchema>

/**
 * Every secret the store keeps: the provider keys above and the SMTP password, which is saved only
 * with the mail settings it belongs to (mail.saveSettings), never through secrets.set.
 */
// 'workspace.session' is the team workspace's Supabase session, kept by the core's sync domain
// (electron/core/sync/session-storage.ts) and never sent to a window; 'webhooks.key' seals the
// webhook endpoints' signing secrets in the database (electron/core/webhooks/sealed-secrets.ts).
export const storedSecretNameSchema = z.enum([
  ...secretNameSchema.options,
  'smtp.password',
  'workspace.session',
  'webhooks.key',
])
export type StoredSecretName = z.infer<typeof storedSecretNameSchema>

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled'])
export type JobStatus = z.infer<typeof jobStatusSchema>

export interface JobView {
  id: string
  kind: string
  title: string
  status: JobStatus
  priority: number
  attempts: number
  maxAttempts: number
  progress: number
  progressNote: string | null
  lastError: string | null
  runAt: number
  createdAt: number
  updatedAt: number
}

export interface AppInfo {
  version: string
  host: 'electron' | 'web'
  dataDir: string
  sqliteVersion: string
  /** Set when start-up had to move a corrupt database aside. */
  notices: string[]
}

const id = z.string().min(1).max(64)

export const foundationRequests = {
  /** Recruiter only: it names the data folder, and the kiosk has no use for it. */
  'app.info': request<AppInfo>()(z.object({}).strict()),
  'app.reportError': request<{ logged: true }>()(
    z
      .object({ area: z.string().max(200), message: z.string().max(2000), stack: z.string().max(8000).optional() })
      .strict(),
    ['recruiter', 'kiosk'],
  ),
  'settings.get': request<Preferences>()(z.object({}).strict()),
  'settings.update': request<Preferences>()(preferencesPatchSchema),
  'secrets.status': request<Record<SecretName, boolean>>()(z.object({}).strict()),
  'secrets.set': request<Record<SecretName, boolean>>()(
    z.object({ name: secretNameSchema, value: z.string().trim().min(8).max(512) }).strict(),
  ),
  'secrets.clear': request<Record<SecretName, boolean>>()(z.object({ name: secretNameSchema }).strict()),
  'kiosk.setPin': request<{ pinSet: true }>()(
    z.object({ pin: z.string().regex(/^\d{4,12}$/, 'PIN must be 4 to 12 digits') }).strict(),
  ),
  'kiosk.pinStatus': request<{ pinSet: boolean }>()(z.object({}).strict()),
  /** Opens the candidate kiosk: Electron's locked window, or the web host's kiosk page address. */
  'kiosk.open': request<{ url: string | null }>()(z.object({}).strict()),
  'kiosk.exit': request<{ exited: boolean }>()(z.object({ pin: z.string().max(12) }).strict(), ['kiosk']),
  'queue.list': request<JobView[]>()(
    z.object({ status: jobStatusSchema.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
  ),
  'queue.cancel': request<JobView>()(z.object({ id }).strict()),
  'queue.retry': request<JobView>()(z.object({ id }).strict()),
  'queue.enqueueDemo': request<JobView>()(
    z
      .object({
        steps: z.number().int().min(1).max(100).default(5),
        stepMs: z.number().int().min(0).max(5000).default(100),
      })
      .strict(),
  ),
}

export const foundationEvents = {
  'queue.job': z.custom<JobView>(),
  /** The core process stopped unexpectedly: restarted (work in flight may need redoing) or left down. */
  'app.coreRestarted': z.object({ restarted: z.boolean(), message: z.string() }),
  /** A write failed because the disk holding the data folder is full; work that needs it has paused. */
  'app.storageFull': z.object({ message: z.string() }),
}
