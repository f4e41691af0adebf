import { useCallback, useEffect, useState, type FormEvent } from 'react'
import {
  emailAddressSchema,
  smtpSettingsInputSchema,
  type MailDeliveryView,
  type MailSettingsView,
  type SmtpSecurity,
} from '../../../../shared/contract/mail'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { FeedbackPolicyField } from '../feedback/FeedbackPolicyField'
import { deliveryWords } from '../mail/delivery-words'
import { MailDeliveryLog } from '../mail/MailDeliveryLog'
import { useSettledDelivery } from '../mail/useSettledDelivery'

const SECURITY_LABELS: Record<SmtpSecurity, string> = {
  tls: 'TLS from the start (usually port 465)',
  starttls: 'STARTTLS (usually port 587)',
  none: 'None (only for a server on this computer)',
}

type Draft = Omit<MailSettingsView, 'configured' | 'passwordSaved' | 'port'> & { port: string; password: string }

const draftOf = (view: MailSettingsView): Draft => ({ ...view, port: String(view.port), password: '' })

/** Field problems from the shared schema, keyed by field, in the recruiter's words. */
function problemsOf(draft: Draft): Record<string, string> {
  const parsed = smtpSettingsInputSchema.safeParse({
    host: draft.host,
    port: Number(draft.port),
    security: draft.security,
    user: draft.user,
    fromAddress: draft.fromAddress,
    fromName: draft.fromName,
    ...(draft.password ? { password: draft.password } : {}),
  })
  if (parsed.success) return {}
  const problems: Record<string, string> = {}
  for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? 'form')] ??= issue.message
  return problems
}

function Field(props: {
  id: string
  label: string
  problem?: string
  children: (describedBy: string | undefined) => React.ReactNode
}) {
  const problemId = `${props.id}-problem`
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children(props.problem ? problemId : undefined)}
      {props.problem && (
        <span id={problemId} className="error-text">
          {props.problem}
        </span>
      )}
    </div>
  )
}

function SettingsForm({ saved, onSaved }: { saved: MailSettingsView; onSaved: (view: MailSettingsView) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved))
  const [tried, setTried] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const problems = tried ? problemsOf(draft) : {}
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const save = async (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (Object.keys(problemsOf(draft)).length) return
    try {
      const view = await call('mail.saveSettings', {
        host: draft.host,
        port: Number(draft.port),
        security: draft.security,
        user: draft.user,
        fromAddress: draft.fromAddress,
        fromName: draft.fromName,
        ...(draft.password ? { password: draft.password } : {}),
      })
      setDraft(draftOf(view))
      setTried(false)
      setError(null)
      setMessage('Email settings saved.')
      onSaved(view)
    } catch (e) {
      setMessage(null)
      setError(describeError(e))
    }
  }
  return (
    <form onSubmit={save} aria-label="Email server" noValidate>
      <Field id="smtp-host" label="SMTP server" problem={problems.host}>
        {(d) => (
          <input
            id="smtp-host"
            value={draft.host}
            aria-describedby={d}
            onChange={(e) => set({ host: e.target.value })}
          />
        )}
      </Field>
      <Field id="smtp-port" label="Port" problem={problems.port}>
        {(d) => (
          <input
            id="smtp-port"
            type="number"
            min={1}
            max={65535}
            value={draft.port}
            aria-describedby={d}
            onChange={(e) => set({ port: e.target.value })}
          />
        )}
      </Field>
      <Field id="smtp-security" label="Security" problem={problems.security}>
        {(d) => (
          <select
            id="smtp-security"
            value={draft.security}
            aria-describedby={d}
            onChange={(e) => set({ security: e.target.value as SmtpSecurity })}
          >
            {(Object.keys(SECURITY_LABELS) as SmtpSecurity[]).map((s) => (
              <option key={s} value={s}>
                {SECURITY_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="smtp-user" label="User name (blank if the server needs none)" problem={problems.user}>
        {(d) => (
          <input
            id="smtp-user"
            autoComplete="off"
            value={draft.user}
            aria-describedby={d}
            onChange={(e) => set({ user: e.target.value })}
          />
        )}
      </Field>
      <Field
        id="smtp-password"
        label={saved.passwordSaved ? 'Password (saved; type a new one to replace it)' : 'Password'}
        problem={problems.password}
      >
        {(d) => (
          <input
            id="smtp-password"
            type="password"
            autoComplete="new-password"
            placeholder={saved.passwordSaved ? 'Saved (hidden)' : 'Not saved'}
            value={draft.password}
            aria-describedby={d}
            onChange={(e) => set({ password: e.target.value })}
          />
        )}
      </Field>
      <Field id="smtp-from-address" label="From address" problem={problems.fromAddress}>
        {(d) => (
          <input
            id="smtp-from-address"
            type="email"
            value={draft.fromAddress}
            aria-describedby={d}
            onChange={(e) => set({ fromAddress: e.target.value })}
          />
        )}
      </Field>
      <Field id="smtp-from-name" label="From name (what candidates see)" problem={problems.fromName}>
        {(d) => (
          <input
            id="smtp-from-name"
            value={draft.fromName}
            aria-describedby={d}
            onChange={(e) => set({ fromName: e.target.value })}
          />
        )}
      </Field>
      <p className="muted" data-testid="smtp-password-status">
        Password: {saved.passwordSaved ? 'saved' : 'not saved'}
      </p>
      <button type="submit">Save email settings</button>
      {message && <p role="status">{message}</p>}
      <ErrorText error={error} />
    </form>
  )
}

function TestEmail({ configured, onSent }: { configured: boolean; onSent: () => void }) {
  const [to, setTo] = useState('')
  const [queued, setQueued] = useState<MailDeliveryView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { delivery } = useSettledDelivery(queued)
  const settled = delivery && (delivery.status === 'sent' || delivery.status === 'failed')
  useEffect(() => {
    if (settled) onSent()
  }, [settled, onSent])
  const problem =
    to && !emailAddressSchema.safeParse(to).success ? 'Enter an email address such as name@example.com' : null
  const send = async (event: FormEvent) => {
    event.preventDefault()
    try {
      setQueued(await call('mail.sendTest', { to }))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }
  return (
    <form className="field" onSubmit={send} aria-label="Send a test email">
      <label htmlFor="smtp-test-to">Send a test email to</label>
      <div className="row">
        <input id="smtp-test-to" type="email" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" disabled={!configured || !to || Boolean(problem)}>
          Send a test email
        </button>
      </div>
      {!configured && <span className="muted">Save the email settings first.</span>}
      {problem && <span className="error-text">{problem}</span>}
      {delivery && (
        <p role="status" data-testid="smtp-test-result">
          {deliveryWords(delivery)}
        </p>
      )}
      <ErrorText error={error} />
    </form>
  )
}

/**
 * Settings → Email: the SMTP server candidates' invitations and feedback go out through, a test
 * message with its outcome in words, the workspace's automatic feedback window, and the log.
 */
export function MailSection() {
  const { data: settings, error, setData } = useRequest('mail.settings', {})
  const [version, setVersion] = useState(0)
  // Stable, so the test email's effect tells the log once per message, not at every render.
  const bump = useCallback(() => setVersion((v) => v + 1), [])
  return (
    <fieldset id="email-settings">
      <legend>Email</legend>
      <p className="muted">
        Invitations and feedback go to candidates through your own mail server. The password is encrypted on this
        computer and never shown again.
      </p>
      <ErrorText error={error} />
      {settings && <SettingsForm saved={settings} onSaved={setData} />}
      {settings && <TestEmail configured={settings.configured} onSent={bump} />}
      <FeedbackPolicyField />
      <MailDeliveryLog version={version} />
    </fieldset>
  )
}
