import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { OpeningStatus } from '../../../../shared/contract/screening'
import { useRequest } from '../../api/useRequest'
import { EmptyState } from '../../components/EmptyState'
import { EMPLOYMENT_LABELS, OPENING_LABELS } from '../candidates/labels'
import { ErrorText } from '../../components/ErrorText'

type StatusFilter = OpeningStatus | 'all'

export function JobList() {
  const [status, setStatus] = useState<StatusFilter>('open')
  const [department, setDepartment] = useState('')
  const [location, setLocation] = useState('')
  const [search, setSearch] = useState('')
  const facets = useRequest('jobs.facets', {})
  const { departments, locations } = facets.data ?? { departments: [], locations: [] }
  const { data: jobs, error } = useRequest('jobs.list', {
    status,
    department: department || undefined,
    location: location || undefined,
    search: search.trim() || undefined,
  })

  const filtered = status !== 'open' || department || location || search.trim()

  return (
    <section aria-labelledby="jobs-title">
      <header className="page-header">
        <h1 id="jobs-title" tabIndex={-1}>
          Jobs
        </h1>
        <Link to="/jobs/new" className="button-link">
          New job
        </Link>
      </header>
      <form className="row filters" role="search" aria-label="Filter jobs" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            {(['open', 'closed', 'archived', 'all'] as StatusFilter[]).map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? 'All' : OPENING_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Department
          <select value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">Any</option>
            {departments.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <label>
          Location
          <select value={location} onChange={(e) => setLocation(e.target.value)}>
            <option value="">Any</option>
            {locations.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          Search{' '}
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Title or description"
          />
        </label>
      </form>
      <ErrorText error={error ?? facets.error} />
      {jobs && jobs.length === 0 && (
        <EmptyState title={filtered ? 'No job matches these filters' : 'No open jobs yet'}>
          {filtered ? 'Change the filters to see more.' : <Link to="/jobs/new">Create the first job</Link>}
        </EmptyState>
      )}
      {jobs && jobs.length > 0 && (
        <table data-testid="job-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Department</th>
              <th scope="col">Location</th>
              <th scope="col">Type</th>
              <th scope="col">Candidates</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>
                  <Link to={`/jobs/${job.id}`}>{job.title}</Link>
                </td>
                <td>{job.department || '—'}</td>
                <td>{job.location || '—'}</td>
                <td>{EMPLOYMENT_LABELS[job.employmentType]}</td>
                <td>{job.candidateCount}</td>
                <td>
                  <span className="status">{OPENING_LABELS[job.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
