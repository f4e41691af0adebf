import type { EmploymentType } from '../../../../shared/contract/screening'
import { FieldError, invalidProps } from '../../components/FieldError'
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

/** The fields this part of the form shows, by their names in the job's input. */
export const JOB_BASICS_FIELDS: (keyof Basics)[] = [
  'title',
  'department',
  'location',
  'employmentType',
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'description',
  'requirements',
]

/** What the job is: title, where, the kind of contract and pay, and its description and requirements. */
export function JobBasics({
  value,
  onChange,
  problems = {},
}: {
  value: Basics
  onChange: DraftChange
  /** A failed save's messages by field name, each shown beside its field. */
  problems?: Readonly<Record<string, string>>
}) {
  /** The id, invalid state and message of one field, by its name in the input. */
  const check = (key: keyof Basics, id: string) => ({ id, ...invalidProps(id, problems[key]) })
  const problem = (key: keyof Basics, id: string) => <FieldError fieldId={id} message={problems[key]} />
  const text = (key: 'title' | 'department' | 'location', label: string, required = false) => (
    <div className="field">
      <label htmlFor={`job-${key}`}>{label}</label>
      <input
        {...check(key, `job-${key}`)}
        value={value[key]}
        required={required}
        maxLength={key === 'title' ? 200 : 100}
        onChange={(e) => onChange({ [key]: e.target.value })}
      />
      {problem(key, `job-${key}`)}
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
            {...check('employmentType', 'job-type')}
            value={value.employmentType}
            onChange={(e) => onChange({ employmentType: e.target.value as EmploymentType })}
          >
            {(Object.keys(EMPLOYMENT_LABELS) as EmploymentType[]).map((t) => (
              <option key={t} value={t}>
                {EMPLOYMENT_LABELS[t]}
              </option>
            ))}
          </select>
          {problem('employmentType', 'job-type')}
        </div>
        <div className="field">
          <label htmlFor="job-salary-min">Salary from</label>
          <input
            {...check('salaryMin', 'job-salary-min')}
            type="number"
            min={0}
            value={value.salaryMin}
            onChange={(e) => onChange({ salaryMin: e.target.value })}
          />
          {problem('salaryMin', 'job-salary-min')}
        </div>
        <div className="field">
          <label htmlFor="job-salary-max">Salary to</label>
          <input
            {...check('salaryMax', 'job-salary-max')}
            type="number"
            min={0}
            value={value.salaryMax}
            onChange={(e) => onChange({ salaryMax: e.target.value })}
          />
          {problem('salaryMax', 'job-salary-max')}
        </div>
        <div className="field">
          <label htmlFor="job-currency">Currency</label>
          <input
            {...check('salaryCurrency', 'job-currency')}
            value={value.salaryCurrency}
            maxLength={3}
            onChange={(e) => onChange({ salaryCurrency: e.target.value })}
          />
          {problem('salaryCurrency', 'job-currency')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="job-description">Description</label>
        <textarea
          {...check('description', 'job-description')}
          rows={8}
          maxLength={20000}
          value={value.description}
          onChange={(e) => onChange({ description: e.target.value })}
        />
        {problem('description', 'job-description')}
      </div>
      <div className="field">
        <label htmlFor="job-requirements">Requirements</label>
        <textarea
          {...check('requirements', 'job-requirements')}
          rows={4}
          maxLength={20000}
          value={value.requirements}
          onChange={(e) => onChange({ requirements: e.target.value })}
        />
        {problem('requirements', 'job-requirements')}
      </div>
    </fieldset>
  )
}
