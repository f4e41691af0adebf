import { initialQueueState, type QueueState } from './slices/queue/initialState'
import { initialSettingsState, type SettingsState } from './slices/settings/initialState'

export type RecruiterStoreState = QueueState & SettingsState

export const initialState: RecruiterStoreState = {
  ...initialQueueState,
  ...initialSettingsState,
}
