import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { InvitationView } from '../../../../shared/contract/interviews'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { Modal, ModalClose } from '../../components/Modal'
import { SendInvitationEmail } from '../mail/SendInvitationEmail'
import { InvitationForm } from './InvitationForm'

/**
 * "Invite to interview" for one candidate of one job: a dialog with the job's published templates
 * and the invitation form prefilled with the candidate. Escape or Close returns focus to the button.
 */
export function InviteToInterview(props: {
  candidate: { id: string; name: string }
  /** The job's title, when the caller has it at hand (a ranked list's rows do not). */
  job: { id: string; title?: string }
  onCreated?(invitation: InvitationView): void
}) {
  const forJob = props.job.title ? ` for ${props.job.title}` : ''
  const [open, setOpen] = useState(false)
  const [created, setCreated] = useState<InvitationView | null>(null)

  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-haspopup="dialog"
        onClick={() => {
          setCreated(null)
          setOpen(true)
        }}
        aria-label={`Invite ${props.candidate.name} to interview${forJob}`}
      >
        Invite to interview
      </button>
      {open && (
        <Modal title={`Invite ${props.candidate.name} to interview${forJob}`} onClose={() => setOpen(false)}>
          {created ? (
            <>
              <p role="status">
                Invited. Code for {created.candidateName}: <span className="kiosk-code">{created.code}</span>
              </p>
              <SendInvitationEmail invitationId={created.id} />
            </>
          ) : (
            <TemplateChoice
              jobId={props.job.id}
              jobTitle={props.job.title ?? 'this job'}
              candidate={props.candidate}
              onCreated={(invitation) => {
                setCreated(invitation)
                props.onCreated?.(invitation)
              }}
            />
          )}
          <ModalClose>Close</ModalClose>
        </Modal>
      )}
    </>
  )
}

/** The job's published templates; only they can invite a candidate of this job. */
function TemplateChoice(props: {
  jobId: string
  jobTitle: string
  candidate: { id: string; name: string }
  onCreated(invitation: InvitationView): void
}) {
  const published = useRequest('templates.list', { status: 'active' })
  const templates = (published.data ?? []).filter((t) => t.jobId === props.jobId)
  const [chosen, setChosen] = useState('')
  const templateId = chosen || templates[0]?.id || ''

  if (published.error) return <ErrorText error={published.error} />
  if (!published.data) return <p className="muted">Loading templates…</p>
  if (templates.length === 0)
    return (
      <p>
        No interview template for {props.jobTitle} is published yet.{' '}
        <Link to="/interviews">Create one in Interviews</Link>, choosing this job.
      </p>
    )
  return (
    <>
      <label>
        Template
        {/* The dialog opens before the templates arrive; the first field takes focus once it exists. */}
        <select value={templateId} onChange={(e) => setChosen(e.target.value)} autoFocus>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <InvitationForm
        key={templateId}
        templateId={templateId}
        candidate={{ id: props.candidate.id, name: props.candidate.name, detail: null }}
        onCreated={props.onCreated}
      />
    </>
  )
}
