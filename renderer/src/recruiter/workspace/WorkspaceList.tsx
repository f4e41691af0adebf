import { Link } from 'react-router-dom'
import type { WorkspaceView } from '../../../../shared/contract/sync'
import { ROLE_LABELS } from './roles'
import { TableHead } from '../../components/TableHead'

/**
 * The account's workspaces with its role in each. The one this studio syncs with links to its
 * members; while the studio is local only, any other can be chosen for it.
 */
export function WorkspaceList({
  workspaces,
  active,
  onUse,
}: {
  workspaces: WorkspaceView[]
  active: string | null
  onUse(workspace: WorkspaceView): void
}) {
  if (workspaces.length === 0)
    return <p className="muted">This account belongs to no workspace yet: create one, or accept an invitation.</p>
  return (
    <table className="workspace-table" data-testid="workspace-list">
      <caption className="visually-hidden">Your workspaces</caption>
      <TableHead columns={['Workspace', 'Your role']} actions="Actions" />
      <tbody>
        {workspaces.map((workspace) => (
          <tr key={workspace.id}>
            <td>{workspace.name}</td>
            <td>{ROLE_LABELS[workspace.role]}</td>
            <td>
              {workspace.id === active ? (
                <span className="row">
                  <span className="status status-succeeded">This studio syncs here</span>
                  <Link to="/workspace/members">Members</Link>
                </span>
              ) : active === null ? (
                <button type="button" className="secondary" onClick={() => onUse(workspace)}>
                  Use this workspace
                </button>
              ) : (
                <span className="muted">This studio syncs with another workspace</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
