import type { InvitationView, TemplateDetail } from '../../../../shared/contract/interviews'
import { InvitationForm } from './InvitationForm'
import { InvitationTable } from './InvitationTable'

/** A published template's invitations; new ones only while it is active. */
export function TemplateInvitations({
  template,
  invitations,
  onCreated,
  onChanged,
}: {
  template: Pick<TemplateDetail, 'id' | 'status' | 'jobId'>
  invitations: InvitationView[]
  onCreated(invitation: InvitationView): void
  onChanged(invitation: InvitationView): void
}) {
  return (
    <>
      <h2>Invitations</h2>
      {template.status === 'active' && (
        <InvitationForm templateId={template.id} forJob={template.jobId !== null} onCreated={onCreated} />
      )}
      <InvitationTable invitations={invitations} showTemplate={false} onChanged={onChanged} />
    </>
  )
}
