import { useEffect, useState } from 'react'
import { Link } from 'react-router-dom'
import type { SessionStatus } from '../../../../shared/contract/interviews'
import { on } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { EmptyState } from '../../components/EmptyState'
import { DIFFICULTY_LABELS, formatTime, SESSION_STATUS_LABELS } from './labels'
import { StatusFilterSelect } from './StatusFilterSelect'
import { ErrorText } from '../../components/ErrorText'
import { TableHead } from '../../components/TableHead'

type StatusFilter = SessionStatus | 'all'

/** Interviews taken at the kiosk, newest first; rows update live as candidates answer. */
export function SessionList() {
  const [status, setStatus] = useState<StatusFilter>('all')
  const { data: sessions, error, setData: setSessions } = useRequest('sessions.list', { status })

  useEffect(
    () =>
      on('interviews.session', (changed) =>
        setSessions((list) => {
          if (!list) return list
          if (status !== 'all' && changed.status !== status) return list.filter((s) => s.id !== changed.id)
          return list.some((s) => s.id === changed.id)
            ? list.map((s) => (s.id === changed.id ? changed : s))
            : [changed, ...list]
        }),
      ),
    [status, setSessions],
  )

  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title" tabIndex={-1}>
        Interview sessions
      </h1>
      <StatusFilterSelect labels={SESSION_STATUS_LABELS} value={status} onChange={setStatus} />
      <ErrorText error={error} />
      {sessions && sessions.length === 0 && (
        <EmptyState title="No interviews taken yet">
          Sessions appear here when a candidate enters their code at the kiosk.
        </EmptyState>
      )}
      {sessions && sessions.length > 0 && (
        <table data-testid="session-table">
          <TableHead
            columns={['Candidate', 'Template', 'Status', 'Stage', 'Answers', 'Started', 'Mode']}
            actions="Review"
          />
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/interviews/sessions/${s.id}`}>{s.candidateName}</Link>
                </td>
                <td>{s.templateName}</td>
                <td>
                  <span className="status">{SESSION_STATUS_LABELS[s.status]}</span>
                </td>
                <td>{s.stage === 'done' ? 'Finished' : DIFFICULTY_LABELS[s.stage]}</td>
                <td>{s.answeredCount}</td>
                <td>{formatTime(s.startedAt)}</td>
                <td>{s.mode === 'adaptive' ? 'Adaptive (AI)' : 'Scripted'}</td>
                <td>{s.status !== 'in_progress' && <Link to={`/review/${s.id}`}>Review</Link>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
