import { useEffect, useRef, useState } from 'react'
import { call, describeError } from '../api/client'
import { openMicCapture } from './audio/mic-capture'
import { stepAfterConsent, useKiosk } from './kiosk-store'

/**
 * What the candidate is told before anything is recorded, and their choice. The camera and the
 * microphone are opened only after "I agree".
 */
export function Consent() {
  const { session, turn, update, setMic, mic, go } = useKiosk()
  const [agreed, setAgreed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => heading.current?.focus(), [])

  const agree = async () => {
    if (!session) return
    setBusy(true)
    setError(null)
    try {
      await call('interview.consent', { token: session.token, choice: 'consented' })
      update({ consented: true })
      // Opened in the click that gave consent, which also lets the page play sound.
      setMic(mic ?? (await openMicCapture({ video: true })))
      go(stepAfterConsent(session))
    } catch (failure) {
      setError(
        failure instanceof DOMException
          ? 'We could not use the microphone. Please check that it is connected, then try again, or ask the recruiter for help.'
          : describeError(failure),
      )
    } finally {
      setBusy(false)
    }
  }

  const alternative = async () => {
    if (!session) return
    setBusy(true)
    try {
      await call('interview.consent', { token: session.token, choice: 'alternative_requested' })
      go('alternative')
    } catch (failure) {
      setError(describeError(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="kiosk-main" aria-labelledby="kiosk-consent-title">
      <h1 id="kiosk-consent-title" tabIndex={-1} ref={heading}>
        {turn?.candidateName ? `Hello, ${turn.candidateName}` : 'Before we begin'}
      </h1>
      <p className="kiosk-lead">
        This is an interview for <strong>{turn?.title ?? 'the role you applied for'}</strong>. Please read how it works
        before you agree.
      </p>
      <ul className="kiosk-facts">
        <li>
          <strong>An AI interviewer</strong> asks the questions, listens to your answers and may ask follow-up
          questions.
        </li>
        <li>
          <strong>Your answers are recorded</strong>: your voice, and your camera for questions that ask for video. Your
          speech is turned into text.
        </li>
        <li>
          <strong>AI helps evaluate</strong> your answers against the criteria for this job. It judges only what you
          say, never your voice, accent, face or emotions.
        </li>
        <li>
          <strong>How your data is used</strong>: only for this application, seen only by the hiring team, kept for as
          long as their policy says, and deleted on request.
        </li>
        <li>
          <strong>A person decides.</strong> The hiring team reviews your answers; no decision is made by the AI alone.
        </li>
        <li>
          <strong>You can ask for another way</strong> to be assessed, without AI, at no disadvantage to you.
        </li>
      </ul>
      <p>Nothing is recorded until you agree.</p>
      <label className="kiosk-check">
        <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />I have read this
        and agree to be recorded and to have my answers evaluated with AI.
      </label>
      <div className="kiosk-actions">
        <button type="button" onClick={agree} disabled={!agreed || busy}>
          I agree, continue
        </button>
        <button type="button" className="kiosk-secondary" onClick={alternative} disabled={busy}>
          I would like another way to be assessed
        </button>
      </div>
      {error && (
        <p role="alert" className="kiosk-error">
          {error}
        </p>
      )}
    </main>
  )
}

/** After asking for another process: nothing was recorded, and the recruiter takes it from here. */
export function AlternativeRequested() {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <main className="kiosk-main kiosk-centre" aria-labelledby="kiosk-alt-title">
      <h1 id="kiosk-alt-title" tabIndex={-1} ref={heading}>
        Thank you for telling us
      </h1>
      <p className="kiosk-lead">
        Nothing has been recorded. Please let the recruiter know, and they will arrange another way for you to be
        assessed.
      </p>
    </main>
  )
}
