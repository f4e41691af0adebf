import { useEffect, useRef } from 'react'
import type { IntegrityKind } from '../../../shared/contract/kiosk'
import { call } from '../api/client'
import { watchScreens } from './useExtendedScreen'

/**
 * Reports behavioural integrity signals while the interview screen is up: the window losing focus
 * (and for how long), the page being hidden, full screen being left. They go to the recruiter as
 * facts to weigh, never as a verdict; the candidate is not interrupted. A second screen is the
 * exception: the studio pauses the interview until the candidate continues on one.
 */
export function useIntegrity(token: string | undefined, turnIndex: number | null) {
  const turn = useRef(turnIndex)
  useEffect(() => {
    turn.current = turnIndex
  }, [turnIndex])

  useEffect(() => {
    if (!token) return
    let lostAt: number | null = null
    const report = (kind: IntegrityKind, amount = 0) =>
      void call('interview.integrity', { token, kind, turnIndex: turn.current, amount: Math.round(amount) }).catch(
        () => undefined,
      )
    const onBlur = () => {
      lostAt = performance.now()
      report('focus_lost')
    }
    const onFocus = () => {
      if (lostAt === null) return
      report('focus_regained', performance.now() - lostAt)
      lostAt = null
    }
    const onVisibility = () => report(document.visibilityState === 'hidden' ? 'hidden' : 'visible')
    const onFullscreen = () => {
      if (!document.fullscreenElement) report('fullscreen_exit')
    }
    const stopWatching = watchScreens((extended) => extended && report('display_added'))
    window.addEventListener('blur', onBlur)
    window.addEventListener('focus', onFocus)
    document.addEventListener('visibilitychange', onVisibility)
    document.addEventListener('fullscreenchange', onFullscreen)
    return () => {
      stopWatching()
      window.removeEventListener('blur', onBlur)
      window.removeEventListener('focus', onFocus)
      document.removeEventListener('visibilitychange', onVisibility)
      document.removeEventListener('fullscreenchange', onFullscreen)
    }
  }, [token])
}

/** Reports text pasted into a typed answer. */
export function reportPaste(token: string, turnIndex: number | null, chars: number) {
  void call('interview.integrity', { token, kind: 'paste', turnIndex, amount: chars }).catch(() => undefined)
}
