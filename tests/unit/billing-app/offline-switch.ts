import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'

/**
 * A network a test can unplug: while `offline`, every request fails before leaving the machine,
 * as fetch does without a network (TypeError: fetch failed). The client and the server stay real.
 */
export function offlineSwitch() {
  const state = { offline: false }
  const fetchThrough: typeof fetch = (input, init) =>
    state.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)
  return { state, fetch: fetchThrough }
}

/** A supabase-js client signed in as `email` whose requests go through `fetchThrough`. */
export async function signedInClient(
  url: string,
  anonKey: string,
  email: string,
  fetchThrough: typeof fetch,
  password = 'correct horse battery staple',
): Promise<SupabaseClient> {
  const client = createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch: fetchThrough },
    realtime: { transport: WebSocket as never },
  })
  const { error } = await client.auth.signInWithPassword({ email, password })
  if (error) throw new Error(`sign-in of ${email} failed: ${error.message}`)
  return client
}
