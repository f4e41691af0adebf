import { useState, type FormEvent } from 'react'
import type { InvitationView } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'
import { toLocalInput } from './labels'

/** Gives an invitation a new window and place; the candidate keeps the same code. */
export function RescheduleForm(props: {
  invitation: InvitationView
  onDone(invitation: InvitationView): void
  onClose(): void
}) {
  const { invitation } = props
  const [start, setStart] = useState(toLocalInput(invitation.scheduledAt))
  const [end, setEnd] = useState(toLocalInput(invitation.expiresAt))
  const [location, setLocation] = useState(invitation.location ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      props.onDone(
        await call('invitations.reschedule', {
          id: invitation.id,
          scheduledAt: start ? new Date(start).getTime() : null,
          expiresAt: new Date(end).getTime(),
          location,
        }),
      )
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} aria-label={`Reschedule the interview of ${invitation.candidateName}`}>
      <div className="row">
        <label>
          Starts at (optional){' '}
          <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} autoFocus />
        </label>
        <label>
          Window ends <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
        </label>
        <label>
          Place or link <input value={location} onChange={(e) => setLocation(e.target.value)} maxLength={500} />
        </label>
        <button type="submit" disabled={busy || !end}>
          Save new time
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          Keep as it was
        </button>
      </div>
      <p className="muted">The candidate keeps the same code.</p>
      <ErrorText error={error} />
    </form>
  )
}
