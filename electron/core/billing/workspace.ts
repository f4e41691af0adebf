import type { SupabaseClient } from '@supabase/supabase-js'

/** The team workspace this studio's data belongs to, with a client under the signed-in recruiter's session. */
export interface BillingWorkspace {
  client: SupabaseClient
  orgId: string
}
