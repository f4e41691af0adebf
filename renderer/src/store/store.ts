import { create, type StateCreator } from 'zustand'
import { initialState, type RecruiterStoreState } from './initialState'
import { createQueueSlice, type QueueAction } from './slices/queue/action'
import { createSettingsSlice, type SettingsAction } from './slices/settings/action'

/** The recruiter window's shared data, one slice per area; a screen's own data stays in the screen. */
export interface RecruiterStore extends RecruiterStoreState, QueueAction, SettingsAction {}

const createStore: StateCreator<RecruiterStore> = (...parameters) => ({
  ...initialState,
  ...createQueueSlice(...parameters),
  ...createSettingsSlice(...parameters),
})

export const useRecruiterStore = create<RecruiterStore>()(createStore)
