import { useEffect, useRef } from 'react'
import type { FinishReason } from '../../../shared/contract/interviews'
import { useKiosk } from './kiosk-store'

const REASON: Record<FinishReason, string> = {
  completed: 'You have answered all the questions.',
  boundary_found: 'You have answered all the questions we needed.',
  question_limit: 'You have answered all the questions.',
  time_limit: 'The time for this interview is up.',
  candidate_finished: 'You ended the interview.',
  abandoned: 'This interview was stopped after a long time without activity.',
}

/** The end: what happens next, and the devices are released. */
export function Done() {
  const { turn, mic, setMic } = useKiosk()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
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
    </main>
  )
}
