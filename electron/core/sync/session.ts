import { createClient, isAuthApiError, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { StudioError } from '../../../shared/contract'
import type { SecretStore } from '../settings/types'
import { secretSessionStorage, SESSION_SECRET } from './session-storage'

/** The Supabase project the workspace lives in: its URL and public anon key (project settings). */
export interface WorkspaceProject {
  url: string
  anonKey: string
  /** The fetch supabase-js uses; the default is Node's. */
  fetch?: typeof fetch
}

/**
 * The core's supabase-js client: the session persists through the secret store and refreshes when
 * a call needs it (no background timer; the core may run for days without a window open).
 */
export function createWorkspaceClient(project: WorkspaceProject, secrets: SecretStore): SupabaseClient {
  return createClient(project.url, project.anonKey, {
    auth: {
      storage: secretSessionStorage(secrets),
      storageKey: 'panelist-workspace',
      persistSession: true,
      autoRefreshToken: false,
      detectSessionInUrl: false,
    },
    global: project.fetch ? { fetch: project.fetch } : {},
    // supabase-js builds its realtime client even when unused, and Node before 22 has no WebSocket.
    realtime: { transport: WebSocket as never },
  })
}

/** Auth failures as the bridge's error codes: wrong credentials are `forbidden`, no answer is `unavailable`. */
function refusal(error: unknown, what: string): StudioError {
  if (isAuthApiError(error) && error.status >= 400 && error.status < 500) {
    return new StudioError('forbidden', `${what}: ${error.message}`)
  }
  return new StudioError('unavailable', `${what}: the workspace could not be reached`)
}

export async function signIn(client: SupabaseClient, email: string, password: string): Promise<void> {
  const { error } = await client.auth.signInWithPassword({ email, password })
  if (error) throw refusal(error, 'Signing in failed')
}

/** Emails a one-time code to an account that exists; it does not create one. */
export async function sendCode(client: SupabaseClient, email: string): Promise<void> {
  const { error } = await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })
  if (error) throw refusal(error, 'Sending the code failed')
}

export async function verifyCode(client: SupabaseClient, email: string, code: string): Promise<void> {
  const { error } = await client.auth.verifyOtp({ email, token: code, type: 'email' })
  if (error) throw refusal(error, 'Signing in with the code failed')
}

/** Resolves true when the account is signed in at once (no email confirmation required by the project). */
export async function signUp(client: SupabaseClient, email: string, password: string): Promise<boolean> {
  const { data, error } = await client.auth.signUp({ email, password })
  if (error) throw refusal(error, 'Creating the account failed')
  return data.session !== null
}

/**
 * Revokes this device's session when the server can be reached, and forgets it here either way:
 * signing out offline must still sign out.
 */
export async function signOut(client: SupabaseClient, secrets: SecretStore): Promise<void> {
  await client.auth.signOut({ scope: 'local' }).catch(() => undefined)
  await secrets.clear(SESSION_SECRET)
}
