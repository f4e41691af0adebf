import { useEffect, useId, useRef } from 'react'
import type { PipelineStatus } from '../../../../shared/contract/screening'
import { PIPELINE_LABELS } from './labels'

/** The one question before a move that skips stages: what it skips, then move or keep. */
export function SkipStagesDialog({
  candidateName,
  to,
  skipped,
  onConfirm,
  onCancel,
}: {
  candidateName: string
  to: PipelineStatus
  skipped: PipelineStatus[]
  onConfirm(): void
  onCancel(): void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  useEffect(() => dialog.current?.showModal(), [])
  return (
    <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onCancel}>
      <h2 id={`${id}-title`}>
        Move {candidateName} to {PIPELINE_LABELS[to]}?
      </h2>
      <p id={`${id}-text`}>
        This skips {skipped.map((stage) => PIPELINE_LABELS[stage]).join(', ')}. The move can be undone.
      </p>
      <div className="row">
        <button type="button" onClick={onConfirm}>
          Move to {PIPELINE_LABELS[to]}
        </button>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
