import { useEffect, useState } from 'react'
import { Link } from 'react-router-dom'
import type { JobOpeningView, OpeningStatus } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { EmptyState } from '../../components/EmptyState'
import { EMPLOYMENT_LABELS, OPENING_LABELS } from '../candidates/labels'
import { ErrorText } from '../../components/ErrorText'

type StatusFilter = OpeningStatus | 'all'

export function JobList() {
  const [status, setStatus] = useState<StatusFilter>('open')
  const [department, setDepartment] = useState('')
  const [location, setLocation] = useState('')
  const [search, setSearch] = useState('')
  const [jobs, setJobs] = useState<JobOpeningView[] | null>(null)
  const [facets, setFacets] = useState<{ departments: string[]; locations: string[] }>({
    departments: [],
    locations: [],
  })
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('jobs.facets', {})
      .then(setFacets)
      .catch((e: unknown) => setError(describeError(e)))
  }, [])

  useEffect(() => {
    let live = true
    call('jobs.list', {
      status,
      department: department || undefined,
      location: location || undefined,
      search: search.trim() || undefined,
    })
      .then((list) => live && (setJobs(list), setError(null)))
      .catch((e: unknown) => live && setError(describeError(e)))
    return () => {
      live = false
    }
  }, [status, department, location, search])

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
            {facets.departments.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <label>
          Location
          <select value={location} onChange={(e) => setLocation(e.target.value)}>
            <option value="">Any</option>
            {facets.locations.map((l) => (
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
      <ErrorText error={error} />
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
