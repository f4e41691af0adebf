import { useState } from 'react'
import type { PipelineStatus } from '../../../../shared/contract/screening'
import { Modal, ModalClose } from '../../components/Modal'
import { PIPELINE_LABELS } from './labels'

/**
 * The one question before a move that skips stages (New straight to Hired, say): what it skips,
 * then move or keep. The board also offers not to ask again there.
 */
export function SkipStagesDialog({
  candidateName,
  to,
  skipped,
  offerDontAsk = false,
  onConfirm,
  onCancel,
}: {
  candidateName: string
  to: PipelineStatus
  skipped: PipelineStatus[]
  offerDontAsk?: boolean
  onConfirm(dontAskAgain: boolean): void
  onCancel(): void
}) {
  const [dontAsk, setDontAsk] = useState(false)
  return (
    <Modal
      title={`Move ${candidateName} to ${PIPELINE_LABELS[to]}?`}
      description={`This skips ${skipped.map((stage) => PIPELINE_LABELS[stage]).join(', ')}. The move can be undone.`}
      onClose={onCancel}
    >
      {offerDontAsk && (
        <label className="checkbox">
          <input type="checkbox" checked={dontAsk} onChange={(e) => setDontAsk(e.target.checked)} /> Don&apos;t ask
          again on this board
        </label>
      )}
      <div className="row">
        <button type="button" onClick={() => onConfirm(dontAsk)}>
          Move to {PIPELINE_LABELS[to]}
        </button>
        <ModalClose>Cancel</ModalClose>
      </div>
    </Modal>
  )
}
