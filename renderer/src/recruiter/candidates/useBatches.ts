import { useEffect, useState } from 'react'
import type { IntakeBatchView } from '../../../../shared/contract/screening'
import { on } from '../../api/client'

export const isFinished = (batch: IntakeBatchView) =>
  batch.status === 'done' || batch.status === 'cancelled' || batch.status === 'failed'

/** Import batches kept current from the host's progress events. */
export function useBatches() {
  const [batches, setBatches] = useState<Record<string, IntakeBatchView>>({})
  useEffect(
    () =>
      on('intake.progress', (view) =>
        setBatches((current) =>
          current[view.id] && current[view.id]!.updatedAt > view.updatedAt ? current : { ...current, [view.id]: view },
        ),
      ),
    [],
  )
  const put = (view: IntakeBatchView) => setBatches((current) => ({ ...current, [view.id]: view }))
  return { batches, put }
}
