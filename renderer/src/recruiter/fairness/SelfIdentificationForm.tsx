import { useState } from 'react'
import {
  CATEGORY_LABELS,
  DIMENSION_LABELS,
  SELF_ID_DIMENSIONS,
  SELF_ID_OPTIONS,
  type SelfIdentification,
} from '../../../../shared/contract/fairness'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'

/**
 * What the candidate chose to tell, entered by the recruiter for them. Kept in its own table and
 * read only by the job's adverse-impact report; collapsed by default so it is not on view while
 * the recruiter reads the resume.
 */
export function SelfIdentificationForm({ candidateId }: { candidateId: string }) {
  const { data, error: loadError, setData } = useRequest('fairness.selfId', { candidateId })
  // Unsaved choices over the stored answers; cleared once saved.
  const [edits, setEdits] = useState<Partial<SelfIdentification>>({})
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const draft = data && { ...data, ...edits }

  const save = async () => {
    if (!draft) return
    setError(null)
    try {
      setData(await call('fairness.setSelfId', { candidateId, answers: draft }))
      setEdits({})
      setSaved('Saved.')
    } catch (e) {
      setError(describeError(e))
    }
  }

  return (
    <details className="self-identification">
      <summary>Voluntary self-identification (for the adverse-impact report)</summary>
      <p className="muted">
        Optional for the candidate: enter only what they chose to tell you. It is stored apart from their application,
        counted only in each job&apos;s adverse-impact report, and never shown to scorers, the AI assessment, the
        ranking or the review screen.
      </p>
      {draft && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          {SELF_ID_DIMENSIONS.map((dimension) => (
            <label key={dimension}>
              {DIMENSION_LABELS[dimension]}{' '}
              <select
                value={draft[dimension] ?? ''}
                onChange={(e) => {
                  setSaved(null)
                  // The option values are the schema's own; the core validates them again.
                  setEdits({ ...edits, [dimension]: e.target.value || null } as Partial<SelfIdentification>)
                }}
              >
                <option value="">Not answered</option>
                {SELF_ID_OPTIONS[dimension].map((value) => (
                  <option key={value} value={value}>
                    {CATEGORY_LABELS[value]}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit">Save</button>
          <span role="status" className="muted">
            {saved}
          </span>
        </form>
      )}
      <ErrorText error={error ?? loadError} />
    </details>
  )
}
