import type { SecretStore } from '../settings/types'

/** The one secret that holds the workspace session (access and refresh tokens, the user). */
export const SESSION_SECRET = 'workspace.session'

/** The storage supabase-js's auth takes (its SupportedStorage, which the package does not export). */
export interface SessionStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): Promise<void>
  removeItem(key: string): Promise<void>
}

/**
 * supabase-js's auth storage over the host's secret store (safeStorage on the desktop, the
 * encrypted file in the web host), so the session is encrypted at rest and its tokens are known to
 * the logger's masking. supabase-js keeps a few keys (the session, a PKCE verifier); they are held
 * together as one JSON object in the one secret.
 */
export function secretSessionStorage(secrets: SecretStore): SessionStorage {
  const read = (): Record<string, string> => {
    const raw = secrets.get(SESSION_SECRET)
    if (!raw) return {}
    try {
      return JSON.parse(raw) as Record<string, string>
    } catch {
      return {}
    }
  }
  const write = async (items: Record<string, string>) => {
    if (Object.keys(items).length === 0) await secrets.clear(SESSION_SECRET)
    else await secrets.set(SESSION_SECRET, JSON.stringify(items))
  }
  return {
    getItem: (key) => read()[key] ?? null,
    setItem: (key, value) => write({ ...read(), [key]: value }),
    removeItem: (key) => {
      const { [key]: _removed, ...rest } = read()
      return write(rest)
    },
  }
}

/** The signed-in account's email as the stored session names it, without asking the server. */
export function storedAccount(secrets: SecretStore): string | null {
  const raw = secrets.get(SESSION_SECRET)
  if (!raw) return null
  try {
    for (const value of Object.values(JSON.parse(raw) as Record<string, string>)) {
      const parsed = JSON.parse(value) as { user?: { email?: unknown } } | null
      if (typeof parsed?.user?.email === 'string') return parsed.user.email
    }
  } catch {
    return null
  }
  return null
}
