import { StudioError } from '../../../shared/contract'
import type { AdoptionPreview } from '../../../shared/contract/sync'
import type { Direct } from '../db/direct'
import type { LocalSchema } from './local-schema'

/** The workspace this studio's data belongs to, once adopted; absent while it is local only. */
export const WORKSPACE_META = 'sync.workspace'

const countOf = (direct: Direct, sql: string, params: unknown[]) => direct.get<{ n: number }>(sql, params)?.n ?? 0

export function adoptionPreview(
  direct: Direct,
  schema: LocalSchema,
  fromOrg: string,
  workspace: string,
): AdoptionPreview {
  const rows = [...schema.keys()]
    .sort()
    .map((table) => ({
      table,
      count: countOf(direct, `select count(*) as n from "${table}" where org_id = ?`, [fromOrg]),
    }))
    .filter((r) => r.count > 0)
  const changes = countOf(direct, `select count(*) as n from change_log where org_id = ? and pushed = 0`, [fromOrg])
  return { workspace, rows, changes }
}

/**
 * Moves the local data into the workspace, once: every synced row and its change-log entries take
 * the workspace's id as their organisation, in one transaction, so the next push sends their whole
 * history. A studio whose data already belongs to another workspace refuses: moving a team's rows
 * to a different team is not what signing in means.
 */
export function adoptLocalData(
  direct: Direct,
  schema: LocalSchema,
  fromOrg: string,
  workspace: string,
): AdoptionPreview {
  const current = direct.get<{ value: string }>(`select value from meta where key = ?`, [WORKSPACE_META])?.value
  if (current !== undefined && current !== workspace) {
    throw new StudioError('conflict', 'This studio already syncs with another workspace')
  }
  const preview = adoptionPreview(direct, schema, fromOrg, workspace)
  if (fromOrg !== workspace) {
    for (const table of schema.keys())
      direct.run(`update "${table}" set org_id = ? where org_id = ?`, [workspace, fromOrg])
    direct.run(`update change_log set org_id = ? where org_id = ?`, [workspace, fromOrg])
  }
  direct.run(
    `insert into meta (key, value) values ('org_id', ?) on conflict (key) do update set value = excluded.value`,
    [workspace],
  )
  direct.run(`insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value`, [
    WORKSPACE_META,
    workspace,
  ])
  return preview
}
