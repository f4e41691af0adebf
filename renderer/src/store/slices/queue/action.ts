import type { StateCreator } from 'zustand'
import { call, describeError, on } from '../../../api/client'
import type { RecruiterStore } from '../../store'

export interface QueueAction {
  loadQueue(): Promise<void>
  /** Keeps the jobs live from pushed events; returns the unsubscribe. */
  followQueue(): () => void
}

export const createQueueSlice: StateCreator<RecruiterStore, [], [], QueueAction> = (set) => ({
  async loadQueue() {
    try {
      const list = await call('queue.list', { limit: 200 })
      set({ queueJobs: Object.fromEntries(list.map((job) => [job.id, job])), queueError: null })
    } catch (error) {
      set({ queueError: describeError(error) })
    }
  },
  followQueue() {
    return on('queue.job', (job) => set((state) => ({ queueJobs: { ...state.queueJobs, [job.id]: job } })))
  },
})
