import { useState, type FormEvent } from 'react'
import type { SyncStatus } from '../../../../shared/contract/sync'
import { call } from '../../api/client'
import { NO_PROBLEMS, type FormProblems } from '../../api/field-errors'
import { ErrorText } from '../../components/ErrorText'
import { FieldError, invalidProps } from '../../components/FieldError'
import { syncFormProblems } from './sync-errors'

const MODES = {
  signIn: { request: 'sync.signIn', title: 'Sign in', button: 'Sign in', autoComplete: 'current-password' },
  signUp: {
    request: 'sync.signUp',
    title: 'Create an account',
    button: 'Create account',
    autoComplete: 'new-password',
  },
} as const

/** Email and password, for signing in or creating an account; problems beside their fields. */
export function CredentialsForm({ mode, onDone }: { mode: keyof typeof MODES; onDone(status: SyncStatus): void }) {
  const { request, title, button, autoComplete } = MODES[mode]
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS)
  const [busy, setBusy] = useState(false)
  const id = (field: string) => `${mode}-${field}`

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const status = await call(request, { email, password })
      setProblems(NO_PROBLEMS)
      onDone(status)
    } catch (e) {
      setProblems(syncFormProblems(e, ['email', 'password']))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={id('title')} noValidate>
      <fieldset>
        <legend id={id('title')}>{title}</legend>
        <div className="field">
          <label htmlFor={id('email')}>Email</label>
          <input
            id={id('email')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            {...invalidProps(id('email'), problems.fields.email)}
          />
          <FieldError fieldId={id('email')} message={problems.fields.email} />
        </div>
        <div className="field">
          <label htmlFor={id('password')}>Password</label>
          <input
            id={id('password')}
            type="password"
            autoComplete={autoComplete}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...invalidProps(id('password'), problems.fields.password, mode === 'signUp' ? id('hint') : undefined)}
          />
          {mode === 'signUp' && (
            <p id={id('hint')} className="muted">
              At least 8 characters.
            </p>
          )}
          <FieldError fieldId={id('password')} message={problems.fields.password} />
        </div>
        <ErrorText error={problems.summary} />
        <button type="submit" disabled={busy}>
          {button}
        </button>
      </fieldset>
    </form>
  )
}
