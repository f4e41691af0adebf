import { useState, type FormEvent } from 'react'
import type { SyncStatus } from '../../../../shared/contract/sync'
import { call } from '../../api/client'
import { NO_PROBLEMS, type FormProblems } from '../../api/field-errors'
import { ErrorText } from '../../components/ErrorText'
import { FieldError, invalidProps } from '../../components/FieldError'
import { syncFormProblems } from './sync-errors'

/** Signing in without the password: a six-digit code emailed to the account, then typed here. */
export function CodeSignInForm({ onDone }: { onDone(status: SyncStatus): void }) {
  const [email, setEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS)
  const [busy, setBusy] = useState(false)

  const run = async (event: FormEvent, work: () => Promise<void>, fields: string[]) => {
    event.preventDefault()
    setBusy(true)
    try {
      await work()
      setProblems(NO_PROBLEMS)
    } catch (e) {
      setProblems(syncFormProblems(e, fields))
    } finally {
      setBusy(false)
    }
  }
  const send = (event: FormEvent) =>
    run(event, async () => {
      await call('sync.sendCode', { email })
      setSentTo(email.trim().toLowerCase())
      setCode('')
    }, ['email'])
  const verify = (event: FormEvent) =>
    run(event, async () => onDone(await call('sync.verifyCode', { email: sentTo ?? email, code })), ['code'])

  return (
    <form onSubmit={(e) => void (sentTo ? verify(e) : send(e))} aria-labelledby="code-title" noValidate>
      <fieldset>
        <legend id="code-title">Sign in with a code</legend>
        {sentTo ? (
          <>
            <p role="status">We emailed a six-digit code to {sentTo}. It works once, for an hour.</p>
            <div className="field">
              <label htmlFor="code-code">Code from the email</label>
              <input
                id="code-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                {...invalidProps('code-code', problems.fields.code)}
              />
              <FieldError fieldId="code-code" message={problems.fields.code} />
            </div>
            <ErrorText error={problems.summary} />
            <div className="row">
              <button type="submit" disabled={busy}>
                Sign in
              </button>
              <button type="button" className="secondary" onClick={() => setSentTo(null)}>
                Use another email
              </button>
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="code-email">Email</label>
              <input
                id="code-email"
                type="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                {...invalidProps('code-email', problems.fields.email)}
              />
              <FieldError fieldId="code-email" message={problems.fields.email} />
            </div>
            <ErrorText error={problems.summary} />
            <button type="submit" disabled={busy}>
              Email me a code
            </button>
          </>
        )}
      </fieldset>
    </form>
  )
}
