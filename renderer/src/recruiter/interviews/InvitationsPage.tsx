import { useEffect, useState } from 'react'
import type { InvitationStatus, InvitationView, TemplateSummary } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { InvitationForm } from './InvitationForm'
import { InvitationTable } from './InvitationTable'
import { INVITATION_STATUS_LABELS } from './labels'
import { StatusFilterSelect } from './StatusFilterSelect'
import { ErrorText } from '../../components/ErrorText'

type StatusFilter = InvitationStatus | 'all'

/** Every invitation, and a form to invite a candidate to any published template. */
export function InvitationsPage() {
  const [status, setStatus] = useState<StatusFilter>('all')
  const [invitations, setInvitations] = useState<InvitationView[] | null>(null)
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [templateId, setTemplateId] = useState('')
  const [latest, setLatest] = useState<InvitationView | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('templates.list', { status: 'active' })
      .then((list) => {
        setTemplates(list)
        setTemplateId((current) => current || list[0]?.id || '')
      })
      .catch((e: unknown) => setError(describeError(e)))
  }, [])

  useEffect(() => {
    let live = true
    call('invitations.list', { status })
      .then((list) => live && setInvitations(list))
      .catch((e: unknown) => live && setError(describeError(e)))
    return () => {
      live = false
    }
  }, [status, latest])

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
          {templateId && <InvitationForm templateId={templateId} onCreated={setLatest} />}
          {latest?.code && (
            <p role="status">
              Code for {latest.candidateName}: <span className="kiosk-code">{latest.code}</span>
            </p>
          )}
        </fieldset>
      )}
      <StatusFilterSelect labels={INVITATION_STATUS_LABELS} value={status} onChange={setStatus} />
      <ErrorText error={error} />
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
