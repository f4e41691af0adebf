import { useState } from 'react'
import type { SyncStatus, WorkspaceView } from '../../../../shared/contract/sync'
import { call } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { PageLoading } from '../../components/PageLoading'
import { AdoptConfirm } from './AdoptConfirm'
import { CodeSignInForm } from './CodeSignInForm'
import { CredentialsForm } from './CredentialsForm'
import { FileSyncPanel } from './FileSyncPanel'
import { AcceptInvitationForm, CreateWorkspaceForm } from './JoinForms'
import { describeSyncError } from './sync-errors'
import { useSyncStatus } from './useSyncStatus'
import { WorkspaceList } from './WorkspaceList'
import './workspace.css'

const TITLE = 'Team workspace'

function SignedOut({ onDone }: { onDone(status: SyncStatus): void }) {
  return (
    <>
      <p>
        Sign in to share jobs, candidates and the pipeline with your team. Everything works without an account too:
        signed out, this studio keeps its data on this computer only.
      </p>
      <div className="workspace-forms">
        <CredentialsForm mode="signIn" onDone={onDone} />
        <CodeSignInForm onDone={onDone} />
        <CredentialsForm mode="signUp" onDone={onDone} />
      </div>
    </>
  )
}

function SignedIn({ status, onStatus }: { status: SyncStatus; onStatus(status: SyncStatus): void }) {
  const workspaces = useRequest('sync.workspaces', {}, { deps: [status.account, status.workspace] })
  const [adopting, setAdopting] = useState<WorkspaceView | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const signOut = async () => {
    setError(null)
    try {
      onStatus(await call('sync.signOut', {}))
    } catch (e) {
      setError(describeSyncError(e))
    }
  }
  const active = workspaces.data?.find((w) => w.id === status.workspace)
  const joined = (verb: string) => (workspace: WorkspaceView) => {
    setNotice(`${verb} ${workspace.name}.`)
    workspaces.reload()
  }

  return (
    <>
      <div className="row workspace-account">
        <p>
          Signed in as <strong>{status.account}</strong>
        </p>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
      <ErrorText error={error} />
      <h2>Your workspaces</h2>
      {notice && <p role="status">{notice}</p>}
      {workspaces.data ? (
        <WorkspaceList workspaces={workspaces.data} active={status.workspace} onUse={setAdopting} />
      ) : (
        <ErrorText error={workspaces.error} />
      )}
      {active && <FileSyncPanel workspace={active} onChange={workspaces.reload} />}
      {status.workspace === null && (
        <p className="muted">This studio is local only until you choose a workspace for it.</p>
      )}
      <div className="workspace-forms">
        <CreateWorkspaceForm send={(name) => call('sync.createWorkspace', { name })} onDone={joined('Created')} />
        <AcceptInvitationForm
          send={(token) => call('sync.acceptInvitation', { token })}
          onDone={joined('You joined')}
        />
      </div>
      {adopting && (
        <AdoptConfirm
          workspace={adopting}
          onCancel={() => setAdopting(null)}
          onDone={(next) => {
            setAdopting(null)
            setNotice(`This studio now syncs with ${adopting.name}.`)
            onStatus(next)
          }}
        />
      )}
    </>
  )
}

/** Signing in, the account's workspaces, and choosing the one this studio syncs with. */
export function WorkspacePage() {
  const [status, setStatus] = useSyncStatus()
  if (!status) return <PageLoading title={TITLE} error={null} />
  return (
    <section aria-labelledby="workspace-title">
      <h1 id="workspace-title" tabIndex={-1}>
        {TITLE}
      </h1>
      {status.account === null ? <SignedOut onDone={setStatus} /> : <SignedIn status={status} onStatus={setStatus} />}
    </section>
  )
}
