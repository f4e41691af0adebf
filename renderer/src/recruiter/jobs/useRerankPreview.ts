import { useMemo } from 'react'
import type { RerankPreview } from '../../../../shared/contract/screening'
import { useRequest } from '../../api/useRequest'
import { toScoringDraft, type Draft } from './job-draft'

/** Long enough that dragging a slider asks once it rests, short enough to feel live. */
const PREVIEW_DELAY_MS = 250
/** The places the preview names; the summary after saving uses the same top. */
export const PREVIEW_TOP = 10

export interface RerankPreviewState {
  /** Whether the draft changes anything scoring reads; nothing is asked until it does. */
  changed: boolean
  /** The latest answer: kept while a newer draft is asked for, so the panel does not blink. */
  preview: RerankPreview | null
  loading: boolean
  error: string | null
}

/**
 * Previews the job's ranking for the draft, asking once the draft has stood still for a moment. An
 * answer for a draft that has since changed is dropped (useRequest keys answers by their input).
 */
export function useRerankPreview(jobId: string, saved: Draft, draft: Draft): RerankPreviewState {
  const savedKey = useMemo(() => JSON.stringify(toScoringDraft(saved)), [saved])
  const scoring = toScoringDraft(draft)
  const changed = JSON.stringify(scoring) !== savedKey
  const { data, loading, error } = useRequest(
    'jobs.rerankPreview',
    changed ? { id: jobId, draft: scoring, top: PREVIEW_TOP } : null,
    { delayMs: PREVIEW_DELAY_MS },
  )
  return { changed, preview: changed ? data : null, loading: changed && loading, error: changed ? error : null }
}
