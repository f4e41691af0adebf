import type { ScoreWeights } from '../../../../shared/contract/screening'

const WEIGHT_LABELS: Record<keyof ScoreWeights, string> = {
  requiredSkills: 'Required skills',
  preferredSkills: 'Preferred skills',
  text: 'Text relevance',
  experience: 'Experience',
  education: 'Education',
}

/** How much each part of the score counts for this job, 0–100 each; folded away by default. */
export function ScoringWeights({
  weights,
  onChange,
}: {
  weights: ScoreWeights
  onChange(weights: ScoreWeights): void
}) {
  return (
    <details>
      <summary>Scoring weights</summary>
      <fieldset>
        <legend>How much each part counts (parts that do not apply to this job are left out)</legend>
        <div className="grid">
          {(Object.keys(WEIGHT_LABELS) as (keyof ScoreWeights)[]).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`weight-${key}`}>{WEIGHT_LABELS[key]}</label>
              <input
                id={`weight-${key}`}
                type="number"
                min={0}
                max={100}
                value={weights[key]}
                onChange={(e) =>
                  onChange({ ...weights, [key]: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })
                }
              />
            </div>
          ))}
        </div>
      </fieldset>
    </details>
  )
}
