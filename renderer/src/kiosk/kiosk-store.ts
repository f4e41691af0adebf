import { create } from 'zustand'
import type { KioskTurn } from '../../../shared/contract/interviews'
import type { MicCapture } from './audio/mic-capture'
import { clearSavedSession, saveSession, type SavedSession } from './saved-session'

export type KioskStep =
  'loading' | 'code' | 'resume' | 'consent' | 'alternative' | 'devices' | 'practice' | 'interview' | 'done' | 'exited'

/** Where a consented candidate goes next: the device check on a new computer, then practice once, then the interview. */
export const stepAfterConsent = (session: SavedSession): KioskStep =>
  !session.devicesChecked ? 'devices' : session.practiced ? 'interview' : 'practice'

interface KioskState {
  step: KioskStep
  session: SavedSession | null
  turn: KioskTurn | null
  mic: MicCapture | null
  /** The microphone did not work at the device check: every answer is typed. */
  typedAnswers: boolean
  setTypedAnswers(on: boolean): void
  go(step: KioskStep): void
  /** Remembers the session (also for a reload) and where the candidate is. */
  setSession(session: SavedSession | null): void
  update(patch: Partial<Pick<SavedSession, 'consented' | 'practiced' | 'devicesChecked'>>): void
  setTurn(turn: KioskTurn | null): void
  setMic(mic: MicCapture | null): void
  /** Back to the code screen: the token is gone and devices are released. */
  reset(): void
}

export const useKiosk = create<KioskState>((set, get) => ({
  step: 'loading',
  session: null,
  turn: null,
  mic: null,
  typedAnswers: false,
  setTypedAnswers: (typedAnswers) => set({ typedAnswers }),
  go: (step) => set({ step }),
  setSession(session) {
    if (session) saveSession(session)
    else clearSavedSession()
    set({ session })
  },
  update(patch) {
    const session = get().session
    if (!session) return
    const next = { ...session, ...patch }
    saveSession(next)
    set({ session: next })
  },
  setTurn: (turn) => set({ turn }),
  setMic: (mic) => set({ mic }),
  reset() {
    void get().mic?.close()
    clearSavedSession()
    set({ step: 'code', session: null, turn: null, mic: null, typedAnswers: false })
  },
}))
