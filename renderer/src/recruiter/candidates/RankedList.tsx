import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { CandidateRow, JobSkill, PipelineStatus } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { EmptyState } from '../../components/EmptyState'
import { AddToJob } from './AddToJob'
import { EDUCATION_LABELS, formatScore, formatYears, PIPELINE_LABELS, PIPELINE_STATUSES } from './labels'
import { StatusSelect } from './StatusSelect'
import { useCandidateList, type ListQuery } from './useCandidateList'
import { ErrorText } from '../../components/ErrorText'

type Sort = NonNullable<ListQuery['sort']>

const SORTS: Record<Sort, string> = {
  score: 'Score',
  semantic: 'Semantic similarity',
  name: 'Name',
  years: 'Years of experience',
  imported: 'Date imported',
  status: 'Status',
}

const PAGE = 100

function Flags({ row }: { row: CandidateRow }) {
  if (!row.flagCount) return null
  const text = row.flagKinds.map((k) => (k === 'hidden_text' ? 'hidden text' : 'instructions to AI')).join(', ')
  return (
    <span
      className="flag-badge"
      title={`Flagged: ${text}`}
      aria-label={`${row.flagCount} flag${row.flagCount === 1 ? '' : 's'}: ${text}`}
    >
      ⚑ {row.flagCount}
    </span>
  )
}

/**
 * Candidates for one job, best first, with filters and sort; or every candidate when no job is given.
 * A row's name is a link (Enter opens it); its status can be changed in place.
 */
export function RankedList({ jobId, skills = [] }: { jobId?: string; skills?: JobSkill[] }) {
  const [minScore, setMinScore] = useState('')
  const [minYears, setMinYears] = useState('')
  const [status, setStatus] = useState<PipelineStatus | ''>('')
  const [skill, setSkill] = useState('')
  const [search, setSearch] = useState('')
  const [sort, setSort] = useState<Sort>(jobId ? 'score' : 'imported')
  const [page, setPage] = useState(0)
  const [actionError, setActionError] = useState<string | null>(null)
  /** A filter or sort change starts again from the first page. */
  const refine =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      setPage(0)
    }

  const query: ListQuery = {
    jobId,
    sort,
    limit: PAGE,
    offset: page * PAGE,
    ...(minScore !== '' && Number.isFinite(Number(minScore))
      ? { minScore: Math.min(100, Math.max(0, Number(minScore))) }
      : {}),
    ...(minYears !== '' && Number.isFinite(Number(minYears)) ? { minYears: Math.max(0, Number(minYears)) } : {}),
    ...(status ? { statuses: [status] } : {}),
    ...(skill ? { skills: [skill] } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  }
  const { list, error, reload } = useCandidateList(query)

  const changeStatus = async (row: CandidateRow, next: PipelineStatus) => {
    if (!row.applicationId) return
    try {
      await call('candidates.setStatus', { applicationId: row.applicationId, status: next })
      setActionError(null)
      reload()
    } catch (e) {
      setActionError(describeError(e))
    }
  }

  const detailPath = (row: CandidateRow) =>
    jobId ? `/jobs/${jobId}/candidates/${row.candidateId}` : `/candidates/${row.candidateId}`

  return (
    <section className="ranked-list" aria-labelledby="ranked-title">
      <h2 id="ranked-title">{jobId ? 'Ranked candidates' : 'All candidates'}</h2>
      <form className="row filters" role="search" aria-label="Filter candidates" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search{' '}
          <input
            type="search"
            value={search}
            onChange={(e) => refine(setSearch)(e.target.value)}
            placeholder="Name, email or title"
          />
        </label>
        {jobId && (
          <label>
            Min score{' '}
            <input
              type="number"
              min={0}
              max={100}
              value={minScore}
              onChange={(e) => refine(setMinScore)(e.target.value)}
              className="narrow"
            />
          </label>
        )}
        <label>
          Min years{' '}
          <input
            type="number"
            min={0}
            max={60}
            value={minYears}
            onChange={(e) => refine(setMinYears)(e.target.value)}
            className="narrow"
          />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => refine(setStatus)(e.target.value as PipelineStatus | '')}>
            <option value="">Any</option>
            {PIPELINE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PIPELINE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {skills.length > 0 && (
          <label>
            Has skill
            <select value={skill} onChange={(e) => refine(setSkill)(e.target.value)}>
              <option value="">Any</option>
              {skills.map((s) => (
                <option key={s.skillId} value={s.skillId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Sort by
          <select value={sort} onChange={(e) => refine(setSort)(e.target.value as Sort)}>
            {(Object.keys(SORTS) as Sort[])
              .filter((s) => jobId || (s !== 'score' && s !== 'semantic' && s !== 'status'))
              .map((s) => (
                <option key={s} value={s}>
                  {SORTS[s]}
                </option>
              ))}
          </select>
        </label>
      </form>
      <ErrorText error={error ?? actionError} />
      {list && list.total === 0 && (
        <EmptyState
          title={
            minScore || minYears || status || skill || search
              ? 'No candidate matches these filters'
              : 'No candidates yet'
          }
        >
          {jobId
            ? 'Import resumes above; they are ranked against this job as they arrive.'
            : 'Import resumes above to start.'}
        </EmptyState>
      )}
      {list && list.total > 0 && (
        <>
          <p className="muted" data-testid="candidate-total">
            {list.total} candidate{list.total === 1 ? '' : 's'}
          </p>
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
              </tr>
            </thead>
            <tbody>
              {list.items.map((row, index) => (
                <tr key={row.candidateId} data-candidate-id={row.candidateId}>
                  {jobId && <td>{page * PAGE + index + 1}</td>}
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
                    <Flags row={row} />
                  </td>
                  {jobId && (
                    <td>
                      {row.status && (
                        <StatusSelect
                          label={`Status of ${row.name}`}
                          value={row.status}
                          onChange={(s) => changeStatus(row, s)}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {!jobId && (
            <AddToJob
              candidateIds={list.items.map((row) => row.candidateId)}
              label={`Add the ${list.items.length} shown to a job:`}
            />
          )}
          {list.total > PAGE && (
            <nav className="row" aria-label="Pages">
              <button type="button" className="secondary" onClick={() => setPage((p) => p - 1)} disabled={page === 0}>
                Previous
              </button>
              <span>
                {page * PAGE + 1}–{page * PAGE + list.items.length} of {list.total}
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() => setPage((p) => p + 1)}
                disabled={(page + 1) * PAGE >= list.total}
              >
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  )
}
