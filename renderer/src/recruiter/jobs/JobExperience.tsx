import type { EducationLevelName } from '../../../../shared/contract/screening'
import { EDUCATION_LABELS } from '../candidates/labels'
import type { Draft, DraftChange } from './job-draft'

/** The least experience and education the job asks for. */
export function JobExperience({
  value,
  onChange,
}: {
  value: Pick<Draft, 'minYears' | 'educationLevel'>
  onChange: DraftChange
}) {
  return (
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
            value={value.minYears}
            onChange={(e) => onChange({ minYears: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="job-education">Education level</label>
          <select
            id="job-education"
            value={value.educationLevel}
            onChange={(e) => onChange({ educationLevel: e.target.value as EducationLevelName })}
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
  )
}
