import { useState, type FormEvent } from 'react'
import type { WorkspaceInvitation, WorkspaceRole } from '../../../../shared/contract/sync'
import { call } from '../../api/client'
import { NO_PROBLEMS, type FormProblems } from '../../api/field-errors'
import { ErrorText } from '../../components/ErrorText'
import { FieldError, invalidProps } from '../../components/FieldError'
import { ROLE_LABELS, ROLES } from './roles'
import { syncFormProblems } from './sync-errors'

/** The code just made, shown once: the server keeps only its hash, so it cannot be shown again. */
function InvitationMade({ invitation }: { invitation: WorkspaceInvitation }) {
  const [copied, setCopied] = useState<string | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.token)
      setCopied('Copied.')
    } catch {
      setCopied('Copying is not allowed here; select the code and copy it.')
    }
  }
  return (
    <div className="invitation-made" data-testid="invitation-made">
      <p role="status">
        Invitation for {invitation.email} as {ROLE_LABELS[invitation.role].toLowerCase()}. Pass this code on; they paste
        it under Team workspace → Accept an invitation after signing in with that email. It is shown only now and
        expires {new Date(invitation.expiresAt).toLocaleString()}.
      </p>
      <p className="invitation-code" data-testid="invitation-code">
        {invitation.token}
      </p>
      <div className="row">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy code
        </button>
        {copied && <span className="muted">{copied}</span>}
      </div>
    </div>
  )
}

/** Admins invite by email with a role; the server refuses anyone else. */
export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<WorkspaceRole>('recruiter')
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS)
  const [made, setMade] = useState<WorkspaceInvitation | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      setMade(await call('sync.invite', { workspaceId, email, role }))
      setProblems(NO_PROBLEMS)
      setEmail('')
    } catch (e) {
      setProblems(syncFormProblems(e, ['email', 'role']))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Invite a member</legend>
        <div className="row">
          <div className="field">
            <label htmlFor="invite-email">Email</label>
            <input
              id="invite-email"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              {...invalidProps('invite-email', problems.fields.email)}
            />
            <FieldError fieldId="invite-email" message={problems.fields.email} />
          </div>
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as WorkspaceRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ErrorText error={problems.summary} />
        <button type="submit" disabled={busy}>
          Invite
        </button>
        {made && <InvitationMade invitation={made} />}
      </fieldset>
    </form>
  )
}
