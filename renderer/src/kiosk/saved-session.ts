/**
 * What the kiosk keeps in sessionStorage so a reload (or a studio restart) resumes the interview
 * without the candidate doing anything: the session token and how far the candidate got before the
 * interview itself. sessionStorage belongs to this window only and is gone when it closes.
 */
export interface SavedSession {
  token: string
  consented: boolean
  practiced: boolean
  /** The devices were checked on this computer (false after the code is entered again). */
  devicesChecked: boolean
}

const KEY = 'panelist.kiosk.session'

export function loadSavedSession(): SavedSession | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const value = JSON.parse(raw) as Partial<SavedSession>
    if (typeof value.token !== 'string' || value.token.length < 20) return null
    return {
      token: value.token,
      consented: value.consented === true,
      practiced: value.practiced === true,
      devicesChecked: value.devicesChecked === true,
    }
  } catch {
    return null
  }
}

export function saveSession(session: SavedSession): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(session))
  } catch {
    // Storage can be full or disabled; resuming then needs the code again.
  }
}

export function clearSavedSession(): void {
  try {
    sessionStorage.removeItem(KEY)
  } catch {
    // Nothing to clear.
  }
}
