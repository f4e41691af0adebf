import './jobs.css'
import type { ScoreWeights } from '../../../../shared/contract/screening'

const WEIGHT_LABELS: Record<keyof ScoreWeights, string> = {
  requiredSkills: 'Required skills',
  preferredSkills: 'Preferred skills',
  text: 'Text relevance',
  experience: 'Experience',
  education: 'Education',
}

/**
 * How much each part of the score counts for this job, 0–100 each, as native sliders (arrow keys move
 * them by 5). Folded away for a new job; open when editing, where moving one previews the new order.
 */
export function ScoringWeights({
  weights,
  onChange,
  open = false,
}: {
  weights: ScoreWeights
  onChange(weights: ScoreWeights): void
  open?: boolean
}) {
  return (
    <details open={open}>
      <summary>Scoring weights</summary>
      <fieldset>
        <legend>How much each part counts (parts that do not apply to this job are left out)</legend>
        <div className="weights">
          {(Object.keys(WEIGHT_LABELS) as (keyof ScoreWeights)[]).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`weight-${key}`}>{WEIGHT_LABELS[key]}</label>
              <div className="weight-control">
                <input
                  id={`weight-${key}`}
                  type="range"
                  min={0}
                  max={100}
                  step={5}
                  value={weights[key]}
                  onChange={(e) =>
                    onChange({ ...weights, [key]: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })
                  }
                />
                {/* The slider announces its own value; the number is for the eye. */}
                <output htmlFor={`weight-${key}`} className="weight-value" aria-hidden="true">
                  {weights[key]}
                </output>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </details>
  )
}
