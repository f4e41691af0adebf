import { useState } from 'react'
import type { InvitationStatus, InvitationView } from '../../../../shared/contract/interviews'
import { useRequest } from '../../api/useRequest'
import { InvitationForm } from './InvitationForm'
import { InvitationTable } from './InvitationTable'
import { INVITATION_STATUS_LABELS } from './labels'
import { StatusFilterSelect } from './StatusFilterSelect'
import { ErrorText } from '../../components/ErrorText'
import { SendInvitationEmail } from '../mail/SendInvitationEmail'

type StatusFilter = InvitationStatus | 'all'

/** Every invitation, and a form to invite a candidate to any published template. */
export function InvitationsPage() {
  const [status, setStatus] = useState<StatusFilter>('all')
  const published = useRequest('templates.list', { status: 'active' })
  const templates = published.data ?? []
  const [chosenTemplateId, setTemplateId] = useState('')
  const templateId = chosenTemplateId || templates[0]?.id || ''
  const [latest, setLatest] = useState<InvitationView | null>(null)
  const { data: invitations, error, reload, setData: setInvitations } = useRequest('invitations.list', { status })

  return (
    <section aria-labelledby="invitations-title">
      <h1 id="invitations-title" tabIndex={-1}>
        Invitations
      </h1>
      {templates.length === 0 ? (
        <p className="muted">Publish a template to invite candidates.</p>
      ) : (
        <fieldset>
          <legend>Invite a candidate</legend>
          <label>
            Template
            <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          {templateId && (
            <InvitationForm
              key={templateId}
              templateId={templateId}
              forJob={templates.some((t) => t.id === templateId && t.jobId !== null)}
              onCreated={(invitation) => {
                setLatest(invitation)
                reload()
              }}
            />
          )}
          {latest?.code && (
            <>
              <p role="status">
                Code for {latest.candidateName}: <span className="kiosk-code">{latest.code}</span>
              </p>
              <SendInvitationEmail key={latest.id} invitationId={latest.id} />
            </>
          )}
        </fieldset>
      )}
      <StatusFilterSelect labels={INVITATION_STATUS_LABELS} value={status} onChange={setStatus} />
      <ErrorText error={error ?? published.error} />
      {invitations && (
        <InvitationTable
          invitations={invitations}
          showTemplate
          onChanged={(changed) =>
            setInvitations((list) => list && list.map((i) => (i.id === changed.id ? changed : i)))
          }
        />
      )}
    </section>
  )
}
