import { useState } from 'react'
import type { ScoreOverrideView } from '../../../../shared/contract/interviews'
import { formatTime } from '../interviews/labels'
import { OverrideForm, type OverrideTarget } from './OverrideForm'

interface Props {
  assessmentId: string
  target: OverrideTarget
  /** What the assessment gave. */
  assessed: number
  override: ScoreOverrideView | undefined
  scale: string
  label: string
  onOverridden(override: ScoreOverrideView): void
}

/** A score as it stands (the recruiter's override, if any, beside the assessment's) and the way to override it. */
export function ScoreCell({ assessmentId, target, assessed, override, scale, label, onOverridden }: Props) {
  const [editing, setEditing] = useState(false)
  const standing = override?.score ?? assessed
  return (
    <div className="score-cell">
      <strong>
        {standing}
        {scale}
      </strong>
      {override && (
        <p className="override-note">
          Overridden by {override.author} {formatTime(override.createdAt)} (assessment gave {override.originalScore}
          {scale}): {override.reason}
        </p>
      )}
      {editing ? (
        <OverrideForm
          assessmentId={assessmentId}
          target={target}
          current={standing}
          label={label}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            onOverridden(saved)
          }}
        />
      ) : (
        <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={`Override ${label}`}>
          Override
        </button>
      )}
    </div>
  )
}
