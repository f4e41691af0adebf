import type { ComparedCandidate } from '../../../../shared/contract/interviews'

export const MAX_COMPARED = 4

/** Who is compared: checkboxes (keyboard reachable as they are), at most four ticked at a time. */
export function CandidateChooser({
  candidates,
  chosen,
  onChange,
}: {
  candidates: ComparedCandidate[]
  chosen: string[]
  onChange: (chosen: string[]) => void
}) {
  const full = chosen.length >= MAX_COMPARED
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id))
  return (
    <fieldset className="compare-chooser">
      <legend>
        Compare up to {MAX_COMPARED} candidates ({chosen.length} chosen)
      </legend>
      {candidates.map((c) => {
        const checked = chosen.includes(c.candidateId)
        return (
          <label key={c.candidateId}>
            <input
              type="checkbox"
              checked={checked}
              disabled={!checked && full}
              onChange={(e) => toggle(c.candidateId, e.target.checked)}
            />{' '}
            {c.candidateName} <span className="muted">({c.overallScore}/100)</span>
          </label>
        )
      })}
      {full && candidates.length > MAX_COMPARED && <p className="muted">Untick someone to choose another.</p>}
    </fieldset>
  )
}
