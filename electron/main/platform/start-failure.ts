import fs from 'node:fs'
import path from 'node:path'
import { describeStartupFailure, isStorageFull } from '../../core/data-folder/storage-full'
import { CoreStartFailed } from '../../core/process/client'
import { redact } from '../../core/logger'

export interface StartFailureReport {
  /** What the error box says: a reason a person can act on, and where the details are. */
  message: string
  /** Where the details were written, or null when even that failed (a full disk, say). */
  logFile: string | null
}

/**
 * A packaged app started from Finder or the Start menu has no terminal: a failed start must say why
 * in a window and leave its details in the platform's log folder (app.getPath('logs')). Secrets the
 * process knows are redacted from the details, as in every log line.
 */
export function reportStartFailure(
  error: unknown,
  options: { logsDir: string; dataDir: string; secrets: Iterable<string>; now?: Date },
): StartFailureReport {
  const details = redact(error instanceof Error ? (error.stack ?? error.message) : String(error), options.secrets)
  const logFile = path.join(options.logsDir, 'start-failure.log')
  let written: string | null = logFile
  try {
    fs.mkdirSync(options.logsDir, { recursive: true, mode: 0o700 })
    const when = (options.now ?? new Date()).toISOString()
    fs.appendFileSync(logFile, `${when} Panelist failed to start\n${details}\n\n`, { mode: 0o600 })
  } catch {
    written = null
  }
  const reason =
    error instanceof CoreStartFailed
      ? error.reason
      : isStorageFull(error)
        ? describeStartupFailure(error, options.dataDir)
        : 'Something unexpected stopped Panelist while it was starting.'
  const where = written ? `The details are in ${written}.` : 'The details could not be written to a log file.'
  return { message: `${reason}\n\n${where}`, logFile: written }
}
