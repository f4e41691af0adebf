import { useState, type FormEvent } from 'react'
import type { WorkspaceView } from '../../../../shared/contract/sync'
import { NO_PROBLEMS, type FormProblems } from '../../api/field-errors'
import { ErrorText } from '../../components/ErrorText'
import { FieldError, invalidProps } from '../../components/FieldError'
import { syncFormProblems } from './sync-errors'

interface OneFieldProps {
  id: string
  legend: string
  label: string
  /** The request's name for the field, to place its problems beside it. */
  field: string
  button: string
  hint?: string
  send(value: string): Promise<WorkspaceView>
  onDone(workspace: WorkspaceView): void
}

/** A form of one field that yields a workspace: creating one, or joining one by invitation. */
function OneFieldForm({ id, legend, label, field, button, hint, send, onDone }: OneFieldProps) {
  const [value, setValue] = useState('')
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const workspace = await send(value.trim())
      setProblems(NO_PROBLEMS)
      setValue('')
      onDone(workspace)
    } catch (e) {
      setProblems(syncFormProblems(e, [field]))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{legend}</legend>
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            value={value}
            autoComplete="off"
            onChange={(e) => setValue(e.target.value)}
            {...invalidProps(id, problems.fields[field], hint ? `${id}-hint` : undefined)}
          />
          {hint && (
            <p id={`${id}-hint`} className="muted">
              {hint}
            </p>
          )}
          <FieldError fieldId={id} message={problems.fields[field]} />
        </div>
        <ErrorText error={problems.summary} />
        <button type="submit" disabled={busy}>
          {button}
        </button>
      </fieldset>
    </form>
  )
}

type Send = (value: string) => Promise<WorkspaceView>

export function CreateWorkspaceForm({ send, onDone }: { send: Send; onDone(w: WorkspaceView): void }) {
  return (
    <OneFieldForm
      id="workspace-name"
      legend="Create a workspace"
      label="Workspace name"
      field="name"
      button="Create workspace"
      hint="You become its admin and can invite your team."
      send={send}
      onDone={onDone}
    />
  )
}

export function AcceptInvitationForm({ send, onDone }: { send: Send; onDone(w: WorkspaceView): void }) {
  return (
    <OneFieldForm
      id="invitation-code"
      legend="Accept an invitation"
      label="Invitation code"
      field="token"
      button="Join workspace"
      hint="Paste the code an admin of the workspace gave you."
      send={send}
      onDone={onDone}
    />
  )
}
