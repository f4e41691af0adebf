import fs from 'node:fs'
import path from 'node:path'
import { MAX_RESUME_BYTES, RESUME_EXTENSIONS } from '../../../../shared/contract/screening'
import type { IntakeItem, IntakeJobDeps } from './batch-run'
import type { SettledOutcome } from './record-outcome'

export interface SourceFile {
  bytes: Uint8Array
  fileTime: number
}

const resumeTypes = new Set<string>(RESUME_EXTENSIONS)
const isResumeType = (file: string) => resumeTypes.has(path.extname(file).slice(1).toLowerCase())

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export const refused = (reason: string, message: string): SettledOutcome => ({
  outcome: 'refused',
  reason,
  message,
  candidateId: null,
})

/** The item's bytes, from the path it was picked at or the data folder it was uploaded to; or why not. */
export async function readSource(
  { files, clock }: Pick<IntakeJobDeps, 'files' | 'clock'>,
  item: IntakeItem,
): Promise<SourceFile | SettledOutcome> {
  if (item.source_path) {
    if (!isResumeType(item.source_path)) {
      return refused('unsupported_type', 'Only PDF, Word (.docx), text, Markdown and JSON Resume files are read')
    }
    // lstat: a file swapped for a link after it was picked is not followed out of the picked folder.
    const stat = await fs.promises.lstat(item.source_path).catch(() => null)
    if (!stat?.isFile()) return refused('unreadable', 'The file could not be found or is not a regular file')
    if (stat.size > MAX_RESUME_BYTES) {
      return refused('too_large', `The file is ${megabytes(stat.size)}; the limit is ${megabytes(MAX_RESUME_BYTES)}`)
    }
    const bytes = await fs.promises.readFile(item.source_path).catch(() => null)
    if (!bytes) return refused('unreadable', 'The file could not be read')
    return { bytes, fileTime: Math.round(stat.mtimeMs) }
  }
  if (!item.staged_hash) {
    return refused('too_large', `The file is ${megabytes(item.size)}; the limit is ${megabytes(MAX_RESUME_BYTES)}`)
  }
  const bytes = await files.read(files.pathOf(item.staged_hash, item.name)).catch(() => null)
  if (!bytes) return refused('unreadable', 'The uploaded file is missing from the data folder')
  return { bytes, fileTime: item.file_time ?? clock.now() }
}

/**
 * Uploaded bytes that became nothing (refused) are removed unless something else still needs them: a
 * resume, another file still to import, or a refusal as not a resume since `keptSince`, whose bytes
 * are kept for "Import anyway" (kept-refusals.ts).
 */
export async function dropStagedIfUnused(
  { db, files }: Pick<IntakeJobDeps, 'db' | 'files'>,
  item: Pick<IntakeItem, 'id' | 'name' | 'staged_hash'>,
  keptSince: number,
): Promise<void> {
  if (!item.staged_hash) return
  const [file, needed] = await Promise.all([
    db.selectFrom('resume_files').select('id').where('content_hash', '=', item.staged_hash).executeTakeFirst(),
    db
      .selectFrom('intake_items')
      .select('id')
      .where('staged_hash', '=', item.staged_hash)
      .where('id', '!=', item.id)
      .where((eb) =>
        eb.or([
          eb('outcome', '=', 'pending'),
          eb.and([eb('reason', '=', 'not_a_resume'), eb('updated_at', '>=', keptSince)]),
        ]),
      )
      .executeTakeFirst(),
  ])
  if (!file && !needed) await files.remove(files.pathOf(item.staged_hash, item.name))
}
