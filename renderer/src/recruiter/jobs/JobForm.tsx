import { useRef, useState, type FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { call } from '../../api/client'
import { formProblems, NO_PROBLEMS } from '../../api/field-errors'
import { useRequest } from '../../api/useRequest'
import { EMPTY_DRAFT, toDraft, toInput, type Draft } from './job-draft'
import { JOB_BASICS_FIELDS, JobBasics } from './JobBasics'
import { JobExperience } from './JobExperience'
import { ScoringWeights } from './ScoringWeights'
import { WhatMoved } from './WhatMoved'
import { SkillEditor } from './SkillEditor'
import { PageLoading } from '../../components/PageLoading'
import { DisabledHint, disabledHintId } from '../../components/DisabledHint'
import { FormProblemList } from '../../components/FormProblemList'
import { useFocusFirstProblem } from '../../components/useFocusFirstProblem'

/** Labels for the job's fields shown outside the basics, so their problems are listed by name. */
const OTHER_FIELD_LABELS: Record<string, string> = {
  requiredSkills: 'Required skills',
  preferredSkills: 'Preferred skills',
  minYears: 'Years of experience',
  educationLevel: 'Education',
  weights: 'Scoring weights',
}

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
  const [problems, setProblems] = useState(NO_PROBLEMS)
  const [saving, setSaving] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, problems)
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const hasTitle = Boolean(draft.title.trim())
  // The posting's text as both its skill suggestions and its years and degree read it.
  const posting = [draft.description, draft.requirements].join('\n')

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    try {
      const input = toInput(draft)
      if (jobId) {
        const { job, rerank } = await call('jobs.update', { id: jobId, patch: input })
        // The job's page shows what the re-rank moved, as the preview here did.
        navigate(`/jobs/${job.id}`, { state: { rerank } })
      } else {
        navigate(`/jobs/${(await call('jobs.create', input)).id}`)
      }
    } catch (e) {
      setProblems(formProblems(e, JOB_BASICS_FIELDS, OTHER_FIELD_LABELS))
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
      <form ref={form} onSubmit={save} noValidate>
        <JobBasics value={draft} onChange={change} problems={problems.fields} />
        <SkillEditor value={draft} onChange={change} describe={() => ({ title: draft.title, text: posting })} />
        <JobExperience value={draft} onChange={change} posting={posting} />
        <ScoringWeights weights={draft.weights} onChange={(weights) => change({ weights })} open={Boolean(jobId)} />
        {jobId && <WhatMoved jobId={jobId} saved={initial} draft={draft} />}
        <FormProblemList problems={problems} />
        <div className="row">
          <button
            type="submit"
            disabled={saving || !hasTitle}
            aria-describedby={hasTitle ? undefined : disabledHintId('job-save')}
          >
            {jobId ? 'Save and re-rank' : 'Create job'}
          </button>
          <DisabledHint actionId="job-save" needs={hasTitle ? null : 'Give the job a title first.'} />
          <Link to={jobId ? `/jobs/${jobId}` : '/jobs'}>Cancel</Link>
        </div>
      </form>
    </section>
  )
}
