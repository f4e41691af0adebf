import type { PipelineStatus } from '../../../../shared/contract/screening'
import { PIPELINE_LABELS, PIPELINE_STATUSES } from './labels'

export function StatusSelect({
  value,
  onChange,
  label,
  id,
}: {
  value: PipelineStatus
  onChange: (status: PipelineStatus) => void
  label: string
  id?: string
}) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as PipelineStatus)}>
      {PIPELINE_STATUSES.map((status) => (
        <option key={status} value={status}>
          {PIPELINE_LABELS[status]}
        </option>
      ))}
    </select>
  )
}
