import { useState } from 'react'
import type { WorkspaceMemberView, WorkspaceRole } from '../../../../shared/contract/sync'
import { ROLE_LABELS, ROLES } from './roles'

/** One member: an admin changes the role or removes them (asked once), others only read. */
export function MemberRow({
  member,
  actions,
  manage,
  onRole,
  onRemove,
}: {
  member: WorkspaceMemberView
  /** The table has an actions column (the reader is an admin). */
  actions: boolean
  manage: boolean
  onRole(role: WorkspaceRole): void
  onRemove(): void
}) {
  const [confirming, setConfirming] = useState(false)
  return (
    <tr data-testid="member-row" data-email={member.email}>
      <td>{member.email}</td>
      <td>
        {manage ? (
          <select
            aria-label={`Role of ${member.email}`}
            value={member.role}
            onChange={(e) => onRole(e.target.value as WorkspaceRole)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        ) : (
          ROLE_LABELS[member.role]
        )}
      </td>
      <td>{new Date(member.joinedAt).toLocaleDateString()}</td>
      {actions && !manage && <td />}
      {manage && (
        <td>
          {confirming ? (
            <span className="row">
              <span>Remove {member.email}? They lose access at once.</span>
              <button
                type="button"
                onClick={() => {
                  setConfirming(false)
                  onRemove()
                }}
              >
                Remove
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              Remove {member.email}
            </button>
          )}
        </td>
      )}
    </tr>
  )
}
