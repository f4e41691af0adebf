import { useEffect, useRef, useState } from 'react'
import type { BoardCard, PipelineStatus } from '../../../../shared/contract/screening'
import { PIPELINE_LABELS } from '../candidates/labels'

export interface PendingMove {
  card: BoardCard
  from: PipelineStatus
  to: PipelineStatus
  skipped: PipelineStatus[]
}

/** Asks before a move that jumps over stages of the main path (New straight to Hired, say). */
export function SkipConfirm({
  move,
  onConfirm,
  onCancel,
}: {
  move: PendingMove
  onConfirm(dontAskAgain: boolean): void
  onCancel(): void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [dontAsk, setDontAsk] = useState(false)
  useEffect(() => dialog.current?.showModal(), [])
  return (
    <dialog ref={dialog} aria-labelledby="skip-title" aria-describedby="skip-text" onClose={onCancel}>
      <h2 id="skip-title">
        Move {move.card.name} to {PIPELINE_LABELS[move.to]}?
      </h2>
      <p id="skip-text">This skips {move.skipped.map((s) => PIPELINE_LABELS[s]).join(', ')}. The move can be undone.</p>
      <label>
        <input type="checkbox" checked={dontAsk} onChange={(e) => setDontAsk(e.target.checked)} /> Don&apos;t ask again
        on this board
      </label>
      <div className="row">
        <button type="button" onClick={() => onConfirm(dontAsk)}>
          Move to {PIPELINE_LABELS[move.to]}
        </button>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
