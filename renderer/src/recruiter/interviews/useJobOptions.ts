import { useEffect, useState } from 'react'
import type { PickerOption } from '../../../../shared/contract/interviews'
import { call } from '../../api/client'

/** Jobs a template can be linked to (open and closed ones; archived jobs are left out). */
export function useJobOptions(): PickerOption[] {
  const [jobs, setJobs] = useState<PickerOption[]>([])
  useEffect(() => {
    let live = true
    call('templates.jobOptions', { search: '' })
      .then((list) => live && setJobs(list))
      .catch(() => live && setJobs([]))
    return () => {
      live = false
    }
  }, [])
  return jobs
}
