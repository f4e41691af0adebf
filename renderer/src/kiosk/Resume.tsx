import { useEffect, useRef, useState } from 'react'
import { describeError } from '../api/client'
import { openMicCapture } from './audio/mic-capture'
import { stepAfterConsent, useKiosk } from './kiosk-store'

/** After a reload or a restart of the studio: the same interview, at the same question. */
export function Resume() {
  const { session, turn, mic, setMic, go } = useKiosk()
  const [error, setError] = useState<string | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => button.current?.focus(), [])
  const question = turn?.question

  const resume = async () => {
    if (!session?.consented) return go('consent')
    try {
      // A click, so the page may play sound again.
      setMic(mic ?? (await openMicCapture({ video: true })))
      go(stepAfterConsent(session))
    } catch (failure) {
      setError(describeError(failure))
    }
  }

  return (
    <main className="kiosk-main kiosk-centre" aria-labelledby="kiosk-resume-title">
      <h1 id="kiosk-resume-title">Welcome back{turn?.candidateName ? `, ${turn.candidateName}` : ''}</h1>
      <p className="kiosk-lead">
        Your interview was interrupted. Everything you answered so far is saved.
        {question ? ` We will continue with question ${question.number}.` : ''}
      </p>
      <button type="button" ref={button} onClick={resume}>
        Continue the interview
      </button>
      {error && (
        <p role="alert" className="kiosk-error">
          {error}
        </p>
      )}
    </main>
  )
}
