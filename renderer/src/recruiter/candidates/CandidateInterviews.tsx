import type { ApplicationView } from '../../../../shared/contract/screening'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { InvitationTable } from '../interviews/InvitationTable'
import { InviteToInterview } from '../interviews/InviteToInterview'

/**
 * A candidate's interviews: an invitation per job they applied to, and every invitation made for
 * them with its type, place and window.
 */
export function CandidateInterviews(props: {
  candidate: { id: string; name: string }
  applications: ApplicationView[]
}) {
  const {
    data: invitations,
    error,
    reload,
    setData,
  } = useRequest('invitations.list', {
    candidateId: props.candidate.id,
  })
  return (
    <section aria-labelledby="interviews-title" className="candidate-interviews">
      <h2 id="interviews-title">Interviews</h2>
      {props.applications.length === 0 ? (
        <p className="muted">Add the candidate to a job to invite them to its interview.</p>
      ) : (
        <ul className="invite-list">
          {props.applications.map((a) => (
            <li key={a.id}>
              {a.jobTitle}{' '}
              <InviteToInterview
                candidate={props.candidate}
                job={{ id: a.jobId, title: a.jobTitle }}
                onCreated={reload}
              />
            </li>
          ))}
        </ul>
      )}
      <ErrorText error={error} />
      {invitations && (
        <InvitationTable
          invitations={invitations}
          showTemplate
          onChanged={(changed) => setData((list) => list && list.map((i) => (i.id === changed.id ? changed : i)))}
        />
      )}
    </section>
  )
}
