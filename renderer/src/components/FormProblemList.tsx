import type { FormProblems } from '../api/field-errors'

/**
 * A failed save's problems, all at once, announced to screen readers: a pointer to the fields marked
 * beside their messages, the failure's summary, then each problem that has no field on this form.
 */
export function FormProblemList({ problems }: { problems: FormProblems }) {
  const marked = Object.keys(problems.fields).length
  if (!marked && !problems.summary && !problems.general.length) return null
  return (
    <div role="alert" className="error-text form-problems">
      {marked > 0 && (
        <p>{marked === 1 ? 'Check the field marked above.' : `Check the ${marked} fields marked above.`}</p>
      )}
      {problems.summary && <p>{problems.summary}</p>}
      {problems.general.length === 1 && <p>{problems.general[0]}</p>}
      {problems.general.length > 1 && (
        <ul>
          {problems.general.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
