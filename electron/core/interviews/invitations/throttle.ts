import { openGuessThrottle, type GuessThrottleOptions } from '../../guard/guess-throttle'

/**
 * Slows down code guessing at the kiosk: five wrong codes within ten minutes lock every attempt out
 * for a minute, doubling per further run. A right code does not forgive earlier wrong ones (a
 * guesser would enter their own between guesses), and the count is for the whole studio, so
 * reconnecting or opening another kiosk tab starts nothing afresh.
 */
export const openCodeThrottle = (deps: Pick<GuessThrottleOptions, 'db' | 'clock' | 'logger'>) =>
  openGuessThrottle({
    ...deps,
    key: 'throttle:interview_codes',
    resetOnSuccess: false,
    lockedMessage: (waitMs) =>
      `Too many wrong codes. Please wait ${Math.ceil(waitMs / 1000)} seconds and try again, or ask the recruiter.`,
  })
