import type { PickerOption } from '../../../../shared/contract/interviews'
import { useRequest } from '../../api/useRequest'

/** Jobs a template can be linked to (open and closed ones; archived jobs are left out). */
export function useJobOptions(): PickerOption[] {
  // Linking a job is optional: when the list cannot be had, there is none to choose.
  return useRequest('templates.jobOptions', { search: '' }).data ?? []
}
