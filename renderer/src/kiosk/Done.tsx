import { useEffect, useRef, useState } from 'react'
import type { FinishReason } from '../../../shared/contract/interviews'
import { useKiosk } from './kiosk-store'
import { clearSavedSession } from './saved-session'
import { SelfIdentify } from './SelfIdentify'

/** How long the thank-you stays before the kiosk clears itself for the next candidate. */
export const THANK_YOU_SECONDS = 30

const REASON: Record<FinishReason, string> = {
  completed: 'You have answered all the questions.',
  boundary_found: 'You have answered all the questions we needed.',
  question_limit: 'You have answered all the questions.',
  time_limit: 'The time for this interview is up.',
  candidate_finished: 'You ended the interview.',
  abandoned: 'This interview was stopped after a long time without activity.',
}

/**
 * The end: what happens next, and the devices are released. Then the kiosk clears itself for the
 * next candidate (nothing of this one stays on screen, in memory or in storage): after a short
 * countdown, at "Next candidate", or at a reload, which finds no saved session.
 */
export function Done() {
  const { turn, mic, setMic, reset } = useKiosk()
  // The token outlives the saved session cleared below: the optional questions still need it.
  const [token] = useState(() => useKiosk.getState().session?.token ?? null)
  const heading = useRef<HTMLHeadingElement>(null)
  const [left, setLeft] = useState(THANK_YOU_SECONDS)
  const [answering, setAnswering] = useState(false)
  useEffect(() => heading.current?.focus(), [])
  useEffect(() => clearSavedSession(), [])
  useEffect(() => {
    if (answering) return
    const timer = setInterval(() => setLeft((n) => n - 1), 1000)
    return () => clearInterval(timer)
  }, [answering])
  // Answering the optional questions holds the countdown; it starts over once they are saved or skipped.
  const answeringChanged = (busy: boolean) => {
    setAnswering(busy)
    if (!busy) setLeft(THANK_YOU_SECONDS)
  }
  useEffect(() => {
    if (left <= 0) reset()
  }, [left, reset])
  useEffect(() => {
    if (!mic) return
    void mic.close()
    setMic(null)
  }, [mic, setMic])
  return (
    <main className="kiosk-main kiosk-centre" aria-labelledby="kiosk-done-title">
      <h1 id="kiosk-done-title" tabIndex={-1} ref={heading}>
        Thank you{turn?.candidateName ? `, ${turn.candidateName}` : ''}
      </h1>
      <p className="kiosk-lead">{turn?.finishReason ? REASON[turn.finishReason] : 'Your interview is complete.'}</p>
      <p>Your answers are saved. A member of the hiring team will review them and a person will make every decision.</p>
      <p>Please let the recruiter know that you have finished.</p>
      {token && <SelfIdentify token={token} onBusy={answeringChanged} />}
      <p className="muted" aria-live="off">
        {answering
          ? 'This screen stays while you answer.'
          : `This screen clears for the next candidate in ${Math.max(0, left)} s.`}
      </p>
      <button type="button" onClick={reset}>
        Next candidate
      </button>
    </main>
  )
}
