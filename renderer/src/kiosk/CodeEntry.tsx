import { useEffect, useRef, useState, type FormEvent } from 'react'
import { call, describeError } from '../api/client'
import { useKiosk } from './kiosk-store'
import { useExtendedScreen } from './useExtendedScreen'
import { useLockout } from './useLockout'

/** The first screen: the candidate types the code from their invitation. */
export function CodeEntry() {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const { setSession, setTurn, go } = useKiosk()
  const lockout = useLockout()
  const extended = useExtendedScreen()

  useEffect(() => input.current?.focus(), [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const started = await call('interview.redeem', { code })
      // A code entered again after an interruption resumes the same interview, perhaps on another
      // computer: consent stands as the candidate gave it, and the devices are checked again.
      setSession({
        token: started.token,
        consented: started.consented,
        practiced: started.resumed,
        devicesChecked: false,
      })
      setTurn(started.turn)
      if (started.turn.status !== 'in_progress') go('done')
      else go(started.resumed ? 'resume' : 'consent')
    } catch (failure) {
      if (!lockout.noteError(failure)) setError(describeError(failure))
      input.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="kiosk-main kiosk-centre" aria-labelledby="kiosk-code-title">
      <h1 id="kiosk-code-title">Welcome to your interview</h1>
      <p>Please enter the interview code from your invitation.</p>
      <form onSubmit={submit} className="kiosk-code-form">
        <label htmlFor="kiosk-code">Interview code</label>
        <input
          id="kiosk-code"
          ref={input}
          value={code}
          onChange={(event) => setCode(event.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={24}
          aria-describedby={error ? 'kiosk-code-error' : undefined}
          aria-invalid={error ? true : undefined}
          required
        />
        <button type="submit" disabled={busy || extended || code.trim().length < 4 || lockout.secondsLeft > 0}>
          {busy ? 'Checking…' : 'Start'}
        </button>
      </form>
      {extended && (
        <p role="alert" className="kiosk-error">
          This computer has more than one screen connected. Please disconnect the extra screens (or ask the recruiter)
          to start.
        </p>
      )}
      {lockout.secondsLeft > 0 && (
        <p role="timer" aria-live="off" className="kiosk-error">
          Too many wrong codes. Please wait {lockout.secondsLeft} seconds and try again, or ask the recruiter.
        </p>
      )}
      {error && (
        <p id="kiosk-code-error" role="alert" className="kiosk-error">
          {error}
        </p>
      )}
    </main>
  )
}
