import { useEffect, useState } from 'react'
import { StudioRequestError } from '../api/client'

export interface Lockout {
  /** Whole seconds until the studio accepts another try; 0 when not locked out. */
  secondsLeft: number
  /** Starts the countdown when the error is a lockout; false for any other error. */
  noteError(error: unknown): boolean
}

/**
 * A refusal that lifts by itself (too many wrong PINs or codes), counted down on screen so the
 * person waiting sees when they may try again instead of a number frozen at the moment of refusal.
 */
export function useLockout(): Lockout {
  const [until, setUntil] = useState<number | null>(null)
  const [now, setNow] = useState(() => performance.now())

  useEffect(() => {
    if (until === null) return
    const timer = setInterval(() => {
      const current = performance.now()
      setNow(current)
      if (current >= until) setUntil(null)
    }, 250)
    return () => clearInterval(timer)
  }, [until])

  return {
    secondsLeft: until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)),
    noteError(error) {
      if (!(error instanceof StudioRequestError) || error.retryAfterMs === null) return false
      const start = performance.now()
      setNow(start)
      setUntil(start + error.retryAfterMs)
      return true
    },
  }
}
