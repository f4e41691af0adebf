import { useState, type FormEvent } from 'react'
import type { OverrideDimension, ScoreOverrideView } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'

export type OverrideTarget =
  { target: 'overall' } | { target: 'answer'; answerId: string; dimension: OverrideDimension }

interface Props {
  assessmentId: string
  target: OverrideTarget
  /** The score standing now, as the form's starting value. */
  current: number
  label: string
  onSaved(override: ScoreOverrideView): void
  onCancel(): void
}

/** Replaces one score with the recruiter's own, with the reason kept beside it. */
export function OverrideForm({ assessmentId, target, current, label, onSaved, onCancel }: Props) {
  const overall = target.target === 'overall'
  const [score, setScore] = useState(String(Math.round(current)))
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (reason.trim().length < 3) {
      setError('Say why you are changing this score (a few words at least): the reason is kept with it.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      onSaved(await call('assessments.override', { ...target, assessmentId, score: Number(score), reason }))
    } catch (err) {
      setError(`The override was not saved: ${describeError(err)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="override-form" onSubmit={submit} aria-label={`Override ${label}`}>
      <label>
        New score {overall ? '(0–100)' : '(1–5)'}
        {overall ? (
          <input type="number" min={0} max={100} value={score} onChange={(e) => setScore(e.target.value)} required />
        ) : (
          <select value={score} onChange={(e) => setScore(e.target.value)}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </label>
      <label>
        Reason
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} autoFocus />
      </label>
      <ErrorText error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save override
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
