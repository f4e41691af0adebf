import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { CandidateRow, PipelineStatus } from '../../../../shared/contract/screening'
import { FlagBadge } from './Flags'
import { EDUCATION_LABELS, formatScore, formatYears } from './labels'
import { StageMoveSelect } from './StageMoveSelect'

/**
 * Candidate rows. Within a job: rank, score, matched and missing skills and a status changed in
 * place; across jobs: education instead. A row's name is a link (Enter opens it).
 */
export function CandidateTable({
  rows,
  jobId,
  firstRank,
  onStatusChange,
  rowActions,
}: {
  rows: CandidateRow[]
  jobId?: string
  /** The rank of the first row (the rows are one page of the list). */
  firstRank: number
  onStatusChange(row: CandidateRow, status: PipelineStatus): void
  /** Buttons at the end of each row (inviting to an interview, within a job). */
  rowActions?(row: CandidateRow): ReactNode
}) {
  const detailPath = (row: CandidateRow) =>
    jobId ? `/jobs/${jobId}/candidates/${row.candidateId}` : `/candidates/${row.candidateId}`

  return (
    <table className="candidate-table" data-testid="candidate-table">
      <thead>
        <tr>
          {jobId && <th scope="col">#</th>}
          {jobId && <th scope="col">Score</th>}
          <th scope="col">Name</th>
          <th scope="col">Experience</th>
          {jobId ? <th scope="col">Matched</th> : <th scope="col">Education</th>}
          {jobId && <th scope="col">Missing</th>}
          <th scope="col">Flags</th>
          {jobId && <th scope="col">Status</th>}
          {rowActions && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.candidateId} data-candidate-id={row.candidateId}>
            {jobId && <td>{firstRank + index}</td>}
            {jobId && (
              <td className="score-cell">
                <strong data-testid="score">{formatScore(row.score)}</strong>
                {row.semantic !== null && (
                  <span className="muted" title="Semantic similarity (extra signal, not in the score)">
                    {' '}
                    · {Math.round(row.semantic * 100)}%
                  </span>
                )}
              </td>
            )}
            <td>
              <Link to={detailPath(row)}>{row.name}</Link>
              {row.currentTitle && <div className="muted">{row.currentTitle}</div>}
              {row.tags.length > 0 && (
                <div className="tags">
                  {row.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </div>
              )}
            </td>
            <td>{formatYears(row.totalYears)}</td>
            {jobId ? <td>{row.matched.join(', ')}</td> : <td>{EDUCATION_LABELS[row.educationLevel]}</td>}
            {jobId && <td className="missing">{row.missing.join(', ')}</td>}
            <td>
              <FlagBadge row={row} />
            </td>
            {jobId && (
              <td>
                {row.status && (
                  <StageMoveSelect
                    label={`Status of ${row.name}`}
                    candidateName={row.name}
                    value={row.status}
                    onChange={(s) => onStatusChange(row, s)}
                  />
                )}
              </td>
            )}
            {rowActions && <td>{rowActions(row)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
