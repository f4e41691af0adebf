import type { EmploymentType } from '../../../../shared/contract/screening'
import { EMPLOYMENT_LABELS } from '../candidates/labels'
import type { Draft, DraftChange } from './job-draft'

type Basics = Pick<
  Draft,
  | 'title'
  | 'department'
  | 'location'
  | 'employmentType'
  | 'salaryMin'
  | 'salaryMax'
  | 'salaryCurrency'
  | 'description'
  | 'requirements'
>

/** What the job is: title, where, the kind of contract and pay, and its description and requirements. */
export function JobBasics({ value, onChange }: { value: Basics; onChange: DraftChange }) {
  const text = (key: 'title' | 'department' | 'location', label: string, required = false) => (
    <div className="field">
      <label htmlFor={`job-${key}`}>{label}</label>
      <input
        id={`job-${key}`}
        value={value[key]}
        required={required}
        maxLength={key === 'title' ? 200 : 100}
        onChange={(e) => onChange({ [key]: e.target.value })}
      />
    </div>
  )

  return (
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
            value={value.employmentType}
            onChange={(e) => onChange({ employmentType: e.target.value as EmploymentType })}
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
            value={value.salaryMin}
            onChange={(e) => onChange({ salaryMin: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="job-salary-max">Salary to</label>
          <input
            id="job-salary-max"
            type="number"
            min={0}
            value={value.salaryMax}
            onChange={(e) => onChange({ salaryMax: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="job-currency">Currency</label>
          <input
            id="job-currency"
            value={value.salaryCurrency}
            maxLength={3}
            onChange={(e) => onChange({ salaryCurrency: e.target.value })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="job-description">Description</label>
        <textarea
          id="job-description"
          rows={8}
          maxLength={20000}
          value={value.description}
          onChange={(e) => onChange({ description: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="job-requirements">Requirements</label>
        <textarea
          id="job-requirements"
          rows={4}
          maxLength={20000}
          value={value.requirements}
          onChange={(e) => onChange({ requirements: e.target.value })}
        />
      </div>
    </fieldset>
  )
}
