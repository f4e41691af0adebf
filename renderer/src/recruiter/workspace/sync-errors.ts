import { describeError, StudioRequestError } from '../../api/client'
import { formProblems, type FormProblems } from '../../api/field-errors'

/**
 * A workspace failure in words. The server's refusals (a wrong password, a non-admin inviting) come
 * as `forbidden` with a message written for the person, so they are shown as sent rather than the
 * app's generic "This cannot be done from here."
 */
export function describeSyncError(error: unknown): string {
  if (error instanceof StudioRequestError && error.code === 'forbidden') return error.message
  return describeError(error)
}

/** As formProblems, with the server's refusals in its own words. */
export function syncFormProblems(error: unknown, shown: readonly string[]): FormProblems {
  const problems = formProblems(error, shown)
  return problems.summary === null ? problems : { ...problems, summary: describeSyncError(error) }
}
