import { create } from 'zustand'
import type { JobView } from '../../../shared/contract/foundation'
import { call, describeError, on } from '../api/client'

interface QueueState {
  jobs: Record<string, JobView>
  error: string | null
  loaded: boolean
  load(): Promise<void>
  /** Keeps the list live from pushed events; returns the unsubscribe. */
  subscribe(): () => void
}

export const useQueue = create<QueueState>((set) => ({
  jobs: {},
  error: null,
  loaded: false,
  async load() {
    try {
      const list = await call('queue.list', { limit: 200 })
      set({ jobs: Object.fromEntries(list.map((job) => [job.id, job])), loaded: true, error: null })
    } catch (error) {
      set({ error: describeError(error), loaded: true })
    }
  },
  subscribe() {
    return on('queue.job', (job) => set((state) => ({ jobs: { ...state.jobs, [job.id]: job } })))
  },
}))

/** Newest first, as the queue panel shows them. */
export function sortedJobs(jobs: Record<string, JobView>): JobView[] {
  return Object.values(jobs).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
}
