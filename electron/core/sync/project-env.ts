import { z } from 'zod'
import type { WorkspaceProject } from './session'

const projectSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  anonKey: z.string().trim().min(20).max(2000),
})

/**
 * The Supabase project a host hands the core, from PANELIST_SUPABASE_URL and
 * PANELIST_SUPABASE_ANON_KEY (the project's public anon key: safe to ship, row-level security
 * decides what it can do). Unset, team sync is off and the app works alone as before; set but
 * malformed, start-up says which.
 */
export function workspaceProjectFromEnv(env: NodeJS.ProcessEnv): Pick<WorkspaceProject, 'url' | 'anonKey'> | undefined {
  const url = env.PANELIST_SUPABASE_URL?.trim()
  const anonKey = env.PANELIST_SUPABASE_ANON_KEY?.trim()
  if (!url && !anonKey) return undefined
  const parsed = projectSchema.safeParse({ url, anonKey })
  if (!parsed.success) {
    throw new Error(
      'PANELIST_SUPABASE_URL and PANELIST_SUPABASE_ANON_KEY must both be set: an http(s) URL and the anon key',
    )
  }
  return parsed.data
}
