import { useState, type FormEvent } from 'react'
import type { InvitationView, PickerOption } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { CandidatePicker } from './CandidatePicker'
import { ErrorText } from '../../components/ErrorText'

const EXPIRY_CHOICES = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 336, label: '14 days' },
  { hours: 720, label: '30 days' },
]

/** Invites a candidate (or a walk-in) to a published template: the result carries the kiosk code. */
export function InvitationForm(props: { templateId: string; onCreated(invitation: InvitationView): void }) {
  const [walkIn, setWalkIn] = useState(false)
  const [candidate, setCandidate] = useState<PickerOption | null>(null)
  const [walkInName, setWalkInName] = useState('')
  const [expiresInHours, setExpiresInHours] = useState(168)
  const [scheduled, setScheduled] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

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
      })
      props.onCreated(invitation)
      setCandidate(null)
      setWalkInName('')
      setScheduled('')
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} aria-label="Invite a candidate">
      <div className="row">
        <label>
          <input type="checkbox" checked={walkIn} onChange={(e) => setWalkIn(e.target.checked)} /> Walk-in (not in
          Candidates)
        </label>
      </div>
      {walkIn ? (
        <label>
          Candidate name{' '}
          <input value={walkInName} onChange={(e) => setWalkInName(e.target.value)} maxLength={200} required />
        </label>
      ) : (
        <CandidatePicker label="Candidate" value={candidate} onChange={setCandidate} />
      )}
      <div className="row">
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
        <label>
          Scheduled for (optional){' '}
          <input type="datetime-local" value={scheduled} onChange={(e) => setScheduled(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || !ready}>
          Create code
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  )
}
