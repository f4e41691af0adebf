import { StudioError } from '../../../../shared/contract/errors'

/** A clock a minute behind the recruiter's still lets them schedule "now". */
const CLOCK_SLACK_MS = 60_000

/**
 * Checks an interview's window: the code works from 30 minutes before `scheduledAt` (or at once
 * when there is none) until `expiresAt`, so the end must be ahead and after the start.
 */
export function checkWindow(now: number, scheduledAt: number | null, expiresAt: number): void {
  if (expiresAt <= now) {
    throw new StudioError('invalid_input', 'The end of the interview window must be in the future')
  }
  if (scheduledAt !== null && (scheduledAt < now - CLOCK_SLACK_MS || scheduledAt >= expiresAt)) {
    throw new StudioError(
      'invalid_input',
      'The start of the interview must be in the future and before its window ends',
    )
  }
}
