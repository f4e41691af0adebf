import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { WorkspaceMemberView } from '../../../../shared/contract/sync'
import { call } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { PageLoading } from '../../components/PageLoading'
import { TableHead } from '../../components/TableHead'
import { InviteForm } from './InviteForm'
import { MemberRow } from './MemberRow'
import { describeSyncError } from './sync-errors'
import { useSyncStatus } from './useSyncStatus'
import './workspace.css'

const TITLE = 'Members'

/** Who is in the workspace this studio syncs with; admins invite, change roles and remove. */
export function MembersPage() {
  const [status] = useSyncStatus()
  const workspaceId = status?.account ? status.workspace : null
  const members = useRequest('sync.members', workspaceId ? { workspaceId } : null)
  const [error, setError] = useState<string | null>(null)

  if (status && !workspaceId)
    return (
      <PageLoading title={TITLE} error="This studio does not sync with a workspace yet.">
        <Link to="/workspace">Team workspace</Link>
      </PageLoading>
    )
  if (!workspaceId || !members.data) return <PageLoading title={TITLE} error={members.error} />

  const admin = status?.role === 'admin'
  // An admin's own row is not changed from here: stepping down or leaving is another admin's change,
  // so a workspace is never left without one by a slip.
  const act = async (work: () => Promise<WorkspaceMemberView[]>) => {
    setError(null)
    try {
      members.setData(await work())
    } catch (e) {
      setError(describeSyncError(e))
      members.reload()
    }
  }
  return (
    <section aria-labelledby="members-title">
      <p>
        <Link to="/workspace">← Team workspace</Link>
      </p>
      <h1 id="members-title" tabIndex={-1}>
        {TITLE}
      </h1>
      {!admin && <p className="muted">Only the workspace&apos;s admins can invite, change roles or remove members.</p>}
      <ErrorText error={error} />
      <table className="workspace-table" data-testid="member-list">
        <TableHead columns={['Email', 'Role', 'Joined']} actions={admin ? 'Actions' : undefined} />
        <tbody>
          {members.data.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              actions={admin}
              manage={admin && member.email !== status?.account}
              onRole={(role) => void act(() => call('sync.changeRole', { workspaceId, userId: member.userId, role }))}
              onRemove={() => void act(() => call('sync.removeMember', { workspaceId, userId: member.userId }))}
            />
          ))}
        </tbody>
      </table>
      {admin && <InviteForm workspaceId={workspaceId} />}
    </section>
  )
}
