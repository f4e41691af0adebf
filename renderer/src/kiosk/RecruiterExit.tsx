import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { call, describeError } from '../api/client'
import { useKiosk } from './kiosk-store'
import { useLockout } from './useLockout'

/** The only way out of the kiosk the app offers: a discreet button that asks for the recruiter's PIN. */
export function RecruiterExit() {
  const [open, setOpen] = useState(false)
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const go = useKiosk((s) => s.go)
  const lockout = useLockout()

  useEffect(() => {
    if (open) input.current?.focus()
  }, [open])

  const close = () => {
    setOpen(false)
    setPin('')
    setError(null)
    opener.current?.focus()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const { exited } = await call('kiosk.exit', { pin })
      if (!exited) {
        setError('That PIN is not right.')
        setPin('')
        input.current?.focus()
        return
      }
      setOpen(false)
      go('exited')
    } catch (failure) {
      if (lockout.noteError(failure)) {
        setError(null)
        setPin('')
      } else {
        setError(describeError(failure))
      }
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close()
  }

  return (
    <>
      <button
        type="button"
        ref={opener}
        className="kiosk-exit-button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        Recruiter exit
      </button>
      {open && (
        <div className="kiosk-dialog-backdrop">
          <form
            role="dialog"
            aria-modal="true"
            aria-labelledby="kiosk-exit-title"
            className="kiosk-dialog"
            onSubmit={submit}
            onKeyDown={onKeyDown}
          >
            <h2 id="kiosk-exit-title">Recruiter exit</h2>
            <label htmlFor="kiosk-exit-pin">Recruiter PIN</label>
            <input
              id="kiosk-exit-pin"
              ref={input}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              value={pin}
              onChange={(event) => setPin(event.target.value)}
            />
            {error && (
              <p role="alert" className="kiosk-error">
                {error}
              </p>
            )}
            {lockout.secondsLeft > 0 && (
              <p role="timer" aria-live="off" className="kiosk-error">
                Too many wrong PINs. Try again in {lockout.secondsLeft} s.
              </p>
            )}
            <div className="kiosk-actions">
              <button type="submit" disabled={!pin || lockout.secondsLeft > 0}>
                Exit kiosk
              </button>
              <button type="button" className="kiosk-secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        </div>
      )}
    </>
  )
}

export function Exited() {
  return (
    <main className="kiosk-main kiosk-centre">
      <h1>The kiosk is closed</h1>
      <p className="kiosk-lead">The recruiter has closed the interview kiosk.</p>
    </main>
  )
}
