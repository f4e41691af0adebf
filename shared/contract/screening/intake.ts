import { z } from 'zod'
import { request } from '../define'
import { id } from './fields'
import { MAX_RESUME_BYTES } from './resume-size'
import type { IntakeBatchDetail, IntakeBatchView } from './views'

/** Resume intake: files in, one batch at a time, each file imported, folded in as a duplicate, or refused. */

export const intakeOutcomeSchema = z.enum(['pending', 'imported', 'duplicate', 'refused', 'cancelled'])
export type IntakeOutcome = z.infer<typeof intakeOutcomeSchema>

export type IntakeBatchStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed'
export { MAX_RESUME_BYTES }
/** Largest total of one upload request; the renderer splits bigger selections into several batches. */
export const MAX_UPLOAD_REQUEST_BYTES = 24 * 1024 * 1024
export const MAX_PATHS_PER_IMPORT = 2000
/** Resume file types read from a path (the desktop dialog's filter; other files are refused unread). */
export const RESUME_EXTENSIONS = ['pdf', 'docx', 'txt', 'md', 'markdown', 'mdown', 'mkd', 'json'] as const
export const MAX_FILES_PER_UPLOAD = 200

const base64Limit = Math.ceil((MAX_RESUME_BYTES * 4) / 3) + 4

const uploadFileSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    size: z.number().int().min(0),
    /** File.lastModified, so that of two resumes of one person the newer is kept as current. */
    lastModified: z.number().int().min(0).optional(),
    /** Omitted when the file is over the size limit: the renderer does not send it, the outcome says why. */
    base64: z
      .string()
      .max(base64Limit)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
      .optional(),
  })
  .strict()

export const importFilesInputSchema = z
  .object({
    jobId: id.optional(),
    files: z.array(uploadFileSchema).min(1).max(MAX_FILES_PER_UPLOAD),
  })
  .strict()
  .refine(
    (input) =>
      input.files.reduce((sum, f) => sum + (f.base64?.length ?? 0), 0) <= Math.ceil((MAX_UPLOAD_REQUEST_BYTES * 4) / 3),
    {
      message: `One upload may carry at most ${MAX_UPLOAD_REQUEST_BYTES / 1024 / 1024} MB; send the rest in another request`,
      path: ['files'],
    },
  )

export const intakeRequests = {
  'intake.importPaths': request<IntakeBatchView>()(
    z
      .object({
        jobId: id.optional(),
        paths: z.array(z.string().min(1).max(4096)).min(1).max(MAX_PATHS_PER_IMPORT),
      })
      .strict(),
  ),
  'intake.importFiles': request<IntakeBatchView>()(importFilesInputSchema),
  'intake.choosePaths': request<{ paths: string[] }>()(z.object({ kind: z.enum(['files', 'folder']) }).strict()),
  /** Resumes opened with the desktop app (double-click, the dock, `panelist file.pdf`) not yet taken; taking clears them. */
  'intake.takeOpenedFiles': request<{ paths: string[] }>()(z.object({}).strict()),
  'intake.cancel': request<IntakeBatchView>()(z.object({ batchId: id }).strict()),
  /** Imports a file that was refused as not a resume, in a batch of its own; any other refusal stands. */
  'intake.importAnyway': request<IntakeBatchView>()(
    z.object({ itemId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict(),
  ),
  'intake.get': request<IntakeBatchDetail>()(z.object({ batchId: id }).strict()),
  'intake.list': request<IntakeBatchView[]>()(
    z.object({ jobId: id.optional(), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  ),
}
