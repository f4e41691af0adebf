import { useEffect } from 'react'
import type { RequestInput } from '../../../../shared/contract'
import { on } from '../../api/client'
import { useRequest } from '../../api/useRequest'

export type ListQuery = RequestInput<'candidates.list'>

/** The candidate list for a query, reloaded when the job is re-ranked or an import makes progress. */
export function useCandidateList(query: ListQuery) {
  const { data: list, error, reload } = useRequest('candidates.list', query)
  const jobId = query.jobId

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    // Coalesce bursts (an import reports many files a second) into one reload.
    const soon = () => {
      if (!timer) timer = setTimeout(() => ((timer = null), reload()), 300)
    }
    const offRanked = on('screening.ranked', (summary) => (!jobId || summary.jobId === jobId) && soon())
    const offProgress = on('intake.progress', (batch) => (!jobId || batch.jobId === jobId) && soon())
    return () => {
      offRanked()
      offProgress()
      if (timer) clearTimeout(timer)
    }
  }, [jobId, reload])

  return { list, error, reload }
}
