import { useState } from 'react'
import type { PipelineStatus } from '../../../../shared/contract/screening'
import { skippedStages } from '../board/moves'
import { SkipStagesDialog } from './SkipStagesDialog'
import { StatusSelect } from './StatusSelect'

/**
 * A candidate's stage picker that asks once before a move jumping over main-path stages (New
 * straight to Hired); other moves happen at once. The picker keeps showing the current stage
 * until the move is confirmed.
 */
export function StageMoveSelect({
  value,
  onChange,
  label,
  candidateName,
  id,
}: {
  value: PipelineStatus
  onChange: (status: PipelineStatus) => void
  label: string
  candidateName: string
  id?: string
}) {
  const [pending, setPending] = useState<PipelineStatus | null>(null)
  const choose = (to: PipelineStatus) => {
    if (to === value) return
    if (skippedStages(value, to).length) setPending(to)
    else onChange(to)
  }
  return (
    <>
      <StatusSelect id={id} label={label} value={value} onChange={choose} />
      {pending && (
        <SkipStagesDialog
          candidateName={candidateName}
          to={pending}
          skipped={skippedStages(value, pending)}
          onConfirm={() => {
            setPending(null)
            onChange(pending)
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </>
  )
}
