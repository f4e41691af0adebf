import { useCallback, useEffect, useState } from 'react'
import type { RequestInput } from '../../../../shared/contract'
import type { CandidateList } from '../../../../shared/contract/screening'
import { call, describeError, on } from '../../api/client'

export type ListQuery = RequestInput<'candidates.list'>

/** The candidate list for a query, reloaded when the job is re-ranked or an import makes progress. */
export function useCandidateList(query: ListQuery) {
  const [list, setList] = useState<CandidateList | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  const key = JSON.stringify(query)
  const reload = useCallback(() => setTick((t) => t + 1), [])

  useEffect(() => {
    let live = true
    call('candidates.list', JSON.parse(key) as ListQuery)
      .then((result) => {
        if (!live) return
        setList(result)
        setError(null)
      })
      .catch((e: unknown) => live && setError(describeError(e)))
    return () => {
      live = false
    }
  }, [key, tick])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    // Coalesce bursts (an import reports many files a second) into one reload.
    const soon = () => {
      if (!timer) timer = setTimeout(() => ((timer = null), reload()), 300)
    }
    const jobId = (JSON.parse(key) as ListQuery).jobId
    const offRanked = on('screening.ranked', (summary) => (!jobId || summary.jobId === jobId) && soon())
    const offProgress = on('intake.progress', (batch) => (!jobId || batch.jobId === jobId) && soon())
    return () => {
      offRanked()
      offProgress()
      if (timer) clearTimeout(timer)
    }
  }, [key, reload])

  return { list, error, reload }
}
