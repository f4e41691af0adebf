import { useCallback, useEffect, useRef, useState } from 'react'
import type { RequestInput } from '../../../../shared/contract'
import type { CandidateList } from '../../../../shared/contract/screening'
import { call, describeError, on } from '../../api/client'

export type ListQuery = RequestInput<'candidates.list'>

/** The candidate list for a query, reloaded when the job is re-ranked or an import makes progress. */
export function useCandidateList(query: ListQuery) {
  const [list, setList] = useState<CandidateList | null>(null)
  const [error, setError] = useState<string | null>(null)
  const key = JSON.stringify(query)
  const latest = useRef(0)

  const load = useCallback(async () => {
    const ticket = ++latest.current
    try {
      const result = await call('candidates.list', JSON.parse(key) as ListQuery)
      if (ticket === latest.current) {
        setList(result)
        setError(null)
      }
    } catch (e) {
      if (ticket === latest.current) setError(describeError(e))
    }
  }, [key])

  useEffect(() => {
    void load()
  }, [load])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    // Coalesce bursts (an import reports many files a second) into one reload.
    const soon = () => {
      if (!timer) timer = setTimeout(() => ((timer = null), void load()), 300)
    }
    const jobId = (JSON.parse(key) as ListQuery).jobId
    const offRanked = on('screening.ranked', (summary) => (!jobId || summary.jobId === jobId) && soon())
    const offProgress = on('intake.progress', (batch) => (!jobId || batch.jobId === jobId) && soon())
    return () => {
      offRanked()
      offProgress()
      if (timer) clearTimeout(timer)
    }
  }, [key, load])

  return { list, error, reload: load }
}
