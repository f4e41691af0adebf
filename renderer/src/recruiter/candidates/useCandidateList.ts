import { useEffect, useRef, useState } from 'react'
import type { RequestInput } from '../../../../shared/contract'
import { on } from '../../api/client'
import { useRequest } from '../../api/useRequest'

export type ListQuery = RequestInput<'candidates.list'>

/**
 * The candidate list for a query, reloaded when the job is re-ranked or an import makes progress.
 * `importing` while an import into the job (into any job, for the list of all) is under way, and
 * after one finishes until the list's next answer (or an error): an empty list then means the
 * import's rows are on their way, not that there are no candidates.
 */
export function useCandidateList(query: ListQuery) {
  const { data: list, error, reload } = useRequest('candidates.list', query)
  const [running, setRunning] = useState(0)
  // The list as it stood when an import finished: until a newer answer replaces it, it is stale.
  const [finishedOn, setFinishedOn] = useState<{ list: typeof list } | null>(null)
  const latest = useRef(list)
  useEffect(() => {
    latest.current = list
  }, [list])
  const jobId = query.jobId

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const batches = new Set<string>()
    // Coalesce bursts (an import reports many files a second) into one reload.
    const soon = () => {
      if (!timer) timer = setTimeout(() => ((timer = null), reload()), 300)
    }
    const offRanked = on('screening.ranked', (summary) => (!jobId || summary.jobId === jobId) && soon())
    const offProgress = on('intake.progress', (batch) => {
      if (jobId && batch.jobId !== jobId) return
      if (batch.status === 'queued' || batch.status === 'running') {
        batches.add(batch.id)
        setRunning(batches.size)
        soon()
        return
      }
      // A finished import's last rows are asked for at once: waiting out the coalescing left the
      // list empty for a moment after the import had said it was done.
      batches.delete(batch.id)
      setRunning(batches.size)
      setFinishedOn({ list: latest.current })
      if (timer) clearTimeout(timer)
      timer = null
      reload()
    })
    return () => {
      offRanked()
      offProgress()
      if (timer) clearTimeout(timer)
    }
  }, [jobId, reload])

  return { list, error, reload, importing: running > 0 || (finishedOn?.list === list && !error) }
}
