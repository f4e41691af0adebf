import fs from 'node:fs'
import path from 'node:path'
import { workspaceServerUnavailable } from '../../harness/supabase'

const MIGRATIONS = path.resolve(__dirname, '../../../supabase/migrations')

/**
 * Why the billing RPCs cannot be tested here, or null when they can: the workspace server needs
 * Postgres, and the RPCs come with the server's billing migration.
 */
export function billingServerUnavailable(): string | null {
  const server = workspaceServerUnavailable()
  if (server) return server
  const hasRpcs = fs
    .readdirSync(MIGRATIONS)
    .some(
      (file) => file.endsWith('.sql') && fs.readFileSync(path.join(MIGRATIONS, file), 'utf8').includes('reserve_quota'),
    )
  return hasRpcs ? null : 'needs the billing migration with reserve_quota in supabase/migrations'
}
