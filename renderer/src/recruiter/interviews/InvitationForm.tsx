import { useState, type FormEvent } from 'react'
import {
  invitationKindSchema,
  type InvitationKind,
  type InvitationView,
  type PickerOption,
} from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { CandidatePicker } from './CandidatePicker'
import { ErrorText } from '../../components/ErrorText'
import { INVITATION_KIND_LABELS } from './labels'

const EXPIRY_CHOICES = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 336, label: '14 days' },
  { hours: 720, label: '30 days' },
]

/**
 * Invites a candidate (or, for a template without a job, a walk-in) to a published template: the
 * result carries the kiosk code. Given a candidate, the form is for them alone (no picker).
 */
export function InvitationForm(props: {
  templateId: string
  candidate?: PickerOption
  /** The template is for a job: only candidates who applied to it can be invited, so no walk-ins. */
  forJob?: boolean
  onCreated(invitation: InvitationView): void
}) {
  const [walkIn, setWalkIn] = useState(false)
  const [picked, setPicked] = useState<PickerOption | null>(null)
  const [walkInName, setWalkInName] = useState('')
  const [kind, setKind] = useState<InvitationKind>('ai_interview')
  const [location, setLocation] = useState('')
  const [expiresInHours, setExpiresInHours] = useState(168)
  const [scheduled, setScheduled] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const candidate = props.candidate ?? picked
  const ready = walkIn ? walkInName.trim() !== '' : candidate !== null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    // A walk-in has no candidate record; a fresh id keeps their invitation apart from everyone else's.
    const person = walkIn
      ? { id: `walk-in:${crypto.randomUUID()}`, name: walkInName.trim() }
      : candidate && { id: candidate.id, name: candidate.name }
    if (!person) return
    setBusy(true)
    setError(null)
    try {
      const invitation = await call('invitations.create', {
        templateId: props.templateId,
        candidateId: person.id,
        candidateName: person.name,
        expiresInHours,
        scheduledAt: scheduled ? new Date(scheduled).getTime() : null,
        kind,
        location,
      })
      props.onCreated(invitation)
      setPicked(null)
      setWalkInName('')
      setScheduled('')
      setLocation('')
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} aria-label="Invite a candidate">
      {props.candidate ? (
        <p>
          Candidate: <strong>{props.candidate.name}</strong>
        </p>
      ) : (
        <>
          {props.forJob ? (
            <p className="muted">This template is for a job: invite someone who applied to it.</p>
          ) : (
            <div className="row">
              <label>
                <input type="checkbox" checked={walkIn} onChange={(e) => setWalkIn(e.target.checked)} /> Walk-in (not in
                Candidates)
              </label>
            </div>
          )}
          {walkIn ? (
            <label>
              Candidate name{' '}
              <input value={walkInName} onChange={(e) => setWalkInName(e.target.value)} maxLength={200} required />
            </label>
          ) : (
            <CandidatePicker label="Candidate" value={picked} onChange={setPicked} />
          )}
        </>
      )}
      <div className="row">
        <label>
          Type
          <select value={kind} onChange={(e) => setKind(invitationKindSchema.parse(e.target.value))}>
            {invitationKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {INVITATION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Place or link (optional){' '}
          <input
            value={location}
            onChange={(e) => setLocation(e.target.value)}
            maxLength={500}
            placeholder="Room, phone number or meeting link"
          />
        </label>
      </div>
      <div className="row">
        <label>
          Starts at (optional){' '}
          <input type="datetime-local" value={scheduled} onChange={(e) => setScheduled(e.target.value)} />
        </label>
        <label>
          Code expires after
          <select value={expiresInHours} onChange={(e) => setExpiresInHours(Number(e.target.value))}>
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.hours} value={c.hours}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !ready}>
          Create code
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  )
}
