import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import type { TemplateStatus } from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { EmptyState } from '../../components/EmptyState'
import { formatTime, TEMPLATE_STATUS_LABELS } from './labels'
import { useJobOptions } from './useJobOptions'
import { StatusFilterSelect } from './StatusFilterSelect'
import { ErrorText } from '../../components/ErrorText'

type StatusFilter = TemplateStatus | 'all'

export function TemplateList() {
  const navigate = useNavigate()
  const jobs = useJobOptions()
  const [status, setStatus] = useState<StatusFilter>('all')
  const { data: templates, error: loadError } = useRequest('templates.list', { status })
  const [name, setName] = useState('')
  const [jobId, setJobId] = useState('')
  const [createError, setCreateError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const template = await call('templates.create', { name: name.trim(), jobId: jobId || null })
      navigate(`/interviews/templates/${template.id}`)
    } catch (e) {
      setCreateError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="templates-title">
      <header className="page-header">
        <h1 id="templates-title" tabIndex={-1}>
          Interview templates
        </h1>
      </header>
      <form className="row" onSubmit={create} aria-label="Create a template">
        <label>
          New template name{' '}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Backend engineer, first round"
            required
            maxLength={120}
          />
        </label>
        <label>
          For job
          <select value={jobId} onChange={(e) => setJobId(e.target.value)}>
            <option value="">No job (general)</option>
            {jobs.map((job) => (
              <option key={job.id} value={job.id}>
                {job.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !name.trim()}>
          Create
        </button>
      </form>
      <div className="row">
        <StatusFilterSelect labels={TEMPLATE_STATUS_LABELS} value={status} onChange={setStatus} />
      </div>
      <ErrorText error={createError ?? loadError} />
      {templates && templates.length === 0 && (
        <EmptyState title="No interview templates yet">
          Create one above, then add or generate its questions.
        </EmptyState>
      )}
      {templates && templates.length > 0 && (
        <table data-testid="template-table">
          <thead>
            <tr>
              <th scope="col">Template</th>
              <th scope="col">Job</th>
              <th scope="col">Questions</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link to={`/interviews/templates/${t.id}`}>{t.name}</Link>
                </td>
                <td>{t.jobTitle ?? '—'}</td>
                <td>{t.questionCount}</td>
                <td>
                  <span className="status">
                    {TEMPLATE_STATUS_LABELS[t.status]}
                    {t.version > 0 ? ` · v${t.version}` : ''}
                  </span>
                </td>
                <td>{formatTime(t.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
