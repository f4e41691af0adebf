import type { JobView } from '../../../../../shared/contract/foundation'

/**
 * Newest first, as the queue page and panel show them. Applied to the selected record rather than
 * used as a selector: a selector must not return a new array on every call.
 */
export function newestFirst(jobs: Record<string, JobView>): JobView[] {
  return Object.values(jobs).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
}
