import { useId } from 'react'
import type { EducationLevelName, PostingAsks } from '../../../../shared/contract/screening'
import { useRequest } from '../../api/useRequest'
import { EDUCATION_LABELS } from '../candidates/labels'
import type { Draft, DraftChange } from './job-draft'

const DEGREE: Record<EducationLevelName, string> = {
  none: 'no degree',
  high_school: 'a high school diploma',
  associate: 'an associate degree',
  bachelor: 'a bachelor’s degree',
  master: 'a master’s degree',
  doctorate: 'a doctorate',
}

/** What the posting asks for that the fields do not say yet, as a sentence; null when they agree. */
function askedOtherwise(asks: PostingAsks | null, value: Pick<Draft, 'minYears' | 'educationLevel'>) {
  if (!asks) return null
  const years = asks.minYears !== null && asks.minYears !== Number(value.minYears) ? asks.minYears : null
  const education = asks.educationLevel !== 'none' && asks.educationLevel !== value.educationLevel
  if (years === null && !education) return null
  const parts = [
    ...(years !== null ? [`at least ${years} year${years === 1 ? '' : 's'} of experience`] : []),
    ...(education ? [DEGREE[asks.educationLevel]] : []),
  ]
  return {
    sentence: `The description asks for ${parts.join(' and ')}.`,
    patch: {
      ...(years !== null ? { minYears: String(years) } : {}),
      ...(education ? { educationLevel: asks.educationLevel } : {}),
    },
  }
}

/**
 * The least experience and education the job asks for. What the description asks for ("at least
 * three years", "B.E. in Civil Engineering") is offered beside the fields, read as `panelist screen`
 * reads a job.md; the recruiter takes it or not.
 */
export function JobExperience({
  value,
  onChange,
  posting,
}: {
  value: Pick<Draft, 'minYears' | 'educationLevel'>
  onChange: DraftChange
  /** The description and requirements as typed. */
  posting: string
}) {
  const id = useId()
  const read = useRequest('jobs.readPosting', posting.trim() ? { text: posting } : null, { delayMs: 300 })
  const offer = askedOtherwise(posting.trim() ? read.data : null, value)
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
      {offer && (
        <p className="muted" data-testid="posting-asks">
          <span id={`${id}-asks`}>{offer.sentence}</span>{' '}
          <button
            type="button"
            className="secondary"
            aria-describedby={`${id}-asks`}
            onClick={() => onChange(offer.patch)}
          >
            Use {offer.patch.minYears !== undefined && offer.patch.educationLevel ? 'these' : 'this'}
          </button>
        </p>
      )}
    </fieldset>
  )
}
