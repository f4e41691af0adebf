import { z } from 'zod'
import { request } from './define'

/** Where the desktop app's update stands, as electron-updater reports it. */
export const updateStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('disabled'), reason: z.string() }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('up-to-date'), version: z.string() }),
  z.object({
    state: z.literal('downloading'),
    version: z.string(),
    percent: z.number(),
    bytesPerSecond: z.number(),
    transferred: z.number(),
    total: z.number(),
  }),
  z.object({ state: z.literal('downloaded'), version: z.string() }),
  z.object({ state: z.literal('error'), message: z.string() }),
])
export type UpdateStatus = z.infer<typeof updateStatusSchema>

export interface UpdateView {
  /** False where this host does not update itself (the web host): the desktop app installs updates. */
  managedHere: boolean
  status: UpdateStatus
  /** One sentence for the recruiter. */
  summary: string
  /** When the feed was last asked (epoch ms), or null before the first check. */
  lastCheckedAt: number | null
  /** The release notes of the version on offer, as plain text (never rendered as markup). */
  notes: string | null
}

export const updateRequests = {
  'updates.get': request<UpdateView>()(z.object({}).strict()),
  'updates.check': request<UpdateView>()(z.object({}).strict()),
  /** Quits and installs a downloaded update; refused with the reason while the kiosk is open. */
  'updates.restart': request<{ restarting: true }>()(z.object({}).strict()),
}

export const updateEvents = {
  'updates.changed': z.custom<UpdateView>(),
}
