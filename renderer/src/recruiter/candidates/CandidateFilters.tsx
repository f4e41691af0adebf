import { skillLabel, type JobSkill, type PipelineStatus } from '../../../../shared/contract/screening'
import { PIPELINE_LABELS, PIPELINE_STATUSES } from './labels'
import type { ListQuery } from './useCandidateList'

export type Sort = NonNullable<ListQuery['sort']>

/** The filters as typed: numbers stay text until the query is built, so a half-typed one is kept. */
export interface CandidateFilterValues {
  search: string
  minScore: string
  minYears: string
  status: PipelineStatus | ''
  skill: string
  sort: Sort
}

const SORTS: Record<Sort, string> = {
  score: 'Score',
  semantic: 'Semantic similarity',
  name: 'Name',
  years: 'Years of experience',
  imported: 'Date imported',
  status: 'Status',
}

/** Search, filters and sort over a candidate list; score, status sorts and skills apply only within a job. */
export function CandidateFilters({
  values,
  onChange,
  forJob,
  skills,
}: {
  values: CandidateFilterValues
  onChange(patch: Partial<CandidateFilterValues>): void
  forJob: boolean
  /** The job's skills, to filter by one. */
  skills: JobSkill[]
}) {
  return (
    <form className="row filters" role="search" aria-label="Filter candidates" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search{' '}
        <input
          type="search"
          value={values.search}
          onChange={(e) => onChange({ search: e.target.value })}
          placeholder="Name, email or title"
        />
      </label>
      {forJob && (
        <label>
          Min score{' '}
          <input
            type="number"
            min={0}
            max={100}
            value={values.minScore}
            onChange={(e) => onChange({ minScore: e.target.value })}
            className="narrow"
          />
        </label>
      )}
      <label>
        Min years{' '}
        <input
          type="number"
          min={0}
          max={60}
          value={values.minYears}
          onChange={(e) => onChange({ minYears: e.target.value })}
          className="narrow"
        />
      </label>
      <label>
        Status
        <select value={values.status} onChange={(e) => onChange({ status: e.target.value as PipelineStatus | '' })}>
          <option value="">Any</option>
          {PIPELINE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PIPELINE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {skills.length > 0 && (
        <label>
          Has skill
          <select value={values.skill} onChange={(e) => onChange({ skill: e.target.value })}>
            <option value="">Any</option>
            {skills.map((s) => (
              <option key={s.skillId} value={s.skillId}>
                {skillLabel(s)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Sort by
        <select value={values.sort} onChange={(e) => onChange({ sort: e.target.value as Sort })}>
          {(Object.keys(SORTS) as Sort[])
            .filter((s) => forJob || (s !== 'score' && s !== 'semantic' && s !== 'status'))
            .map((s) => (
              <option key={s} value={s}>
                {SORTS[s]}
              </option>
            ))}
        </select>
      </label>
    </form>
  )
}
