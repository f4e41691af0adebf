import { useState, type FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { EMPTY_DRAFT, toDraft, toInput, type Draft } from './job-draft'
import { JobBasics } from './JobBasics'
import { JobExperience } from './JobExperience'
import { ScoringWeights } from './ScoringWeights'
import { SkillEditor } from './SkillEditor'
import { PageLoading } from '../../components/PageLoading'
import { ErrorText } from '../../components/ErrorText'

/** Create or edit a job. Saving an edit re-ranks the job's candidates straight away. */
export function JobForm() {
  const { jobId } = useParams()
  const loaded = useRequest('jobs.get', jobId ? { id: jobId } : null)
  // The hook keeps an earlier answer while another job is asked for; that one is not this job.
  const job = loaded.data?.id === jobId ? loaded.data : null
  if (jobId && !job) {
    return <PageLoading title="Edit job" error={loaded.error} />
  }
  // Keyed by the job so that the draft starts again from what was loaded.
  return <JobDraftForm key={jobId ?? ''} jobId={jobId} initial={job ? toDraft(job) : EMPTY_DRAFT} />
}

function JobDraftForm({ jobId, initial }: { jobId: string | undefined; initial: Draft }) {
  const navigate = useNavigate()
  const [draft, setDraft] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    try {
      const input = toInput(draft)
      const saved = jobId
        ? (await call('jobs.update', { id: jobId, patch: input })).job
        : await call('jobs.create', input)
      navigate(`/jobs/${saved.id}`)
    } catch (e) {
      setError(describeError(e))
      setSaving(false)
    }
  }

  return (
    <section className="job-form" aria-labelledby="job-form-title">
      <header className="page-header">
        <h1 id="job-form-title" tabIndex={-1}>
          {jobId ? `Edit ${draft.title || 'job'}` : 'New job'}
        </h1>
      </header>
      <form onSubmit={save}>
        <JobBasics value={draft} onChange={change} />
        <SkillEditor
          value={draft}
          onChange={change}
          describe={() => [draft.title, draft.description, draft.requirements].join('\n')}
        />
        <JobExperience value={draft} onChange={change} />
        <ScoringWeights weights={draft.weights} onChange={(weights) => change({ weights })} />
        <ErrorText error={error} />
        <div className="row">
          <button type="submit" disabled={saving || !draft.title.trim()}>
            {jobId ? 'Save and re-rank' : 'Create job'}
          </button>
          <Link to={jobId ? `/jobs/${jobId}` : '/jobs'}>Cancel</Link>
        </div>
      </form>
    </section>
  )
}
