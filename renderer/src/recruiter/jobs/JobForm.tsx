import { useEffect, useState, type FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import {
  DEFAULT_SCORE_WEIGHTS,
  type EducationLevelName,
  type EmploymentType,
  type JobOpeningView,
  type ScoreWeights,
} from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { EDUCATION_LABELS, EMPLOYMENT_LABELS } from '../candidates/labels'
import { SkillEditor, type SkillLists } from './SkillEditor'
import { PageLoading } from '../../components/PageLoading'
import { ErrorText } from '../../components/ErrorText'

interface Draft extends SkillLists {
  title: string
  department: string
  location: string
  employmentType: EmploymentType
  salaryMin: string
  salaryMax: string
  salaryCurrency: string
  description: string
  requirements: string
  minYears: string
  educationLevel: EducationLevelName
  weights: ScoreWeights
}

const EMPTY: Draft = {
  title: '',
  department: '',
  location: '',
  employmentType: 'full_time',
  salaryMin: '',
  salaryMax: '',
  salaryCurrency: 'USD',
  description: '',
  requirements: '',
  minYears: '0',
  educationLevel: 'none',
  weights: DEFAULT_SCORE_WEIGHTS,
  requiredSkills: [],
  preferredSkills: [],
}

const WEIGHT_LABELS: Record<keyof ScoreWeights, string> = {
  requiredSkills: 'Required skills',
  preferredSkills: 'Preferred skills',
  text: 'Text relevance',
  experience: 'Experience',
  education: 'Education',
}

function toDraft(job: JobOpeningView): Draft {
  return {
    ...job,
    salaryMin: job.salaryMin?.toString() ?? '',
    salaryMax: job.salaryMax?.toString() ?? '',
    minYears: job.minYears.toString(),
  }
}

const money = (text: string) => (text.trim() === '' ? null : Math.round(Number(text)))

function toInput(draft: Draft) {
  return {
    title: draft.title,
    department: draft.department,
    location: draft.location,
    employmentType: draft.employmentType,
    salaryMin: money(draft.salaryMin),
    salaryMax: money(draft.salaryMax),
    salaryCurrency: draft.salaryCurrency.trim().toUpperCase(),
    description: draft.description,
    requirements: draft.requirements,
    requiredSkills: draft.requiredSkills,
    preferredSkills: draft.preferredSkills,
    minYears: Number(draft.minYears) || 0,
    educationLevel: draft.educationLevel,
    weights: draft.weights,
  }
}

/** Create or edit a job. Saving an edit re-ranks the job's candidates straight away. */
export function JobForm() {
  const { jobId } = useParams()
  const navigate = useNavigate()
  const [draft, setDraft] = useState<Draft | null>(jobId ? null : EMPTY)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!jobId) return
    call('jobs.get', { id: jobId })
      .then((job) => setDraft(toDraft(job)))
      .catch((e: unknown) => setError(describeError(e)))
  }, [jobId])

  if (!draft) {
    return <PageLoading title="Edit job" error={error} />
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => d && { ...d, [key]: value })

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

  const text = (key: 'title' | 'department' | 'location', label: string, required = false) => (
    <div className="field">
      <label htmlFor={`job-${key}`}>{label}</label>
      <input
        id={`job-${key}`}
        value={draft[key]}
        required={required}
        maxLength={key === 'title' ? 200 : 100}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  )

  return (
    <section className="job-form" aria-labelledby="job-form-title">
      <header className="page-header">
        <h1 id="job-form-title" tabIndex={-1}>
          {jobId ? `Edit ${draft.title || 'job'}` : 'New job'}
        </h1>
      </header>
      <form onSubmit={save}>
        <fieldset>
          <legend>The job</legend>
          <div className="grid">
            {text('title', 'Title', true)}
            {text('department', 'Department')}
            {text('location', 'Location')}
            <div className="field">
              <label htmlFor="job-type">Employment type</label>
              <select
                id="job-type"
                value={draft.employmentType}
                onChange={(e) => set('employmentType', e.target.value as EmploymentType)}
              >
                {(Object.keys(EMPLOYMENT_LABELS) as EmploymentType[]).map((t) => (
                  <option key={t} value={t}>
                    {EMPLOYMENT_LABELS[t]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="job-salary-min">Salary from</label>
              <input
                id="job-salary-min"
                type="number"
                min={0}
                value={draft.salaryMin}
                onChange={(e) => set('salaryMin', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="job-salary-max">Salary to</label>
              <input
                id="job-salary-max"
                type="number"
                min={0}
                value={draft.salaryMax}
                onChange={(e) => set('salaryMax', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="job-currency">Currency</label>
              <input
                id="job-currency"
                value={draft.salaryCurrency}
                maxLength={3}
                onChange={(e) => set('salaryCurrency', e.target.value)}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor="job-description">Description</label>
            <textarea
              id="job-description"
              rows={8}
              maxLength={20000}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="job-requirements">Requirements</label>
            <textarea
              id="job-requirements"
              rows={4}
              maxLength={20000}
              value={draft.requirements}
              onChange={(e) => set('requirements', e.target.value)}
            />
          </div>
        </fieldset>
        <SkillEditor
          value={draft}
          onChange={(skills) => setDraft((d) => d && { ...d, ...skills })}
          describe={() => [draft.title, draft.description, draft.requirements].join('\n')}
        />
        <fieldset>
          <legend>Experience and education</legend>
          <div className="grid">
            <div className="field">
              <label htmlFor="job-years">Minimum years of experience</label>
              <input
                id="job-years"
                type="number"
                min={0}
                max={50}
                step={0.5}
                value={draft.minYears}
                onChange={(e) => set('minYears', e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="job-education">Education level</label>
              <select
                id="job-education"
                value={draft.educationLevel}
                onChange={(e) => set('educationLevel', e.target.value as EducationLevelName)}
              >
                {(Object.keys(EDUCATION_LABELS) as EducationLevelName[]).map((l) => (
                  <option key={l} value={l}>
                    {l === 'none' ? 'No requirement' : EDUCATION_LABELS[l]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <details>
          <summary>Scoring weights</summary>
          <fieldset>
            <legend>How much each part counts (parts that do not apply to this job are left out)</legend>
            <div className="grid">
              {(Object.keys(WEIGHT_LABELS) as (keyof ScoreWeights)[]).map((key) => (
                <div className="field" key={key}>
                  <label htmlFor={`weight-${key}`}>{WEIGHT_LABELS[key]}</label>
                  <input
                    id={`weight-${key}`}
                    type="number"
                    min={0}
                    max={100}
                    value={draft.weights[key]}
                    onChange={(e) =>
                      set('weights', {
                        ...draft.weights,
                        [key]: Math.max(0, Math.min(100, Number(e.target.value) || 0)),
                      })
                    }
                  />
                </div>
              ))}
            </div>
          </fieldset>
        </details>
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
