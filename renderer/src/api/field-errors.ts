import { describeError, StudioRequestError } from './client'

/** What a form shows after a failed save: messages beside their fields, and the rest above the button. */
export interface FormProblems {
  /** The first message for each field the form shows, by the name the form gave that field. */
  fields: Record<string, string>
  /** The failure in one sentence when it is not (only) about fields on this form. */
  summary: string | null
  /** Every other problem, each in the person's words: rules the service checked, fields this form does not show. */
  general: string[]
}

export const NO_PROBLEMS: FormProblems = { fields: {}, summary: null, general: [] }

/** True when `field` ('salaryMin', 'weights') names `path` or a part of it ('patch.salaryMin', 'weights.text'). */
function belongsTo(path: string, field: string): boolean {
  const segments = path.split('.')
  const wanted = field.split('.')
  for (let start = 0; start + wanted.length <= segments.length; start++)
    if (wanted.every((segment, i) => segments[start + i] === segment)) return true
  return false
}

/**
 * Sorts a failed request's problems for a form that shows the given fields. Problems for fields the
 * form does not show are listed with their labels (`labels`, by field) so every problem is seen at
 * once; a failure that is not about fields is one general message.
 */
export function formProblems(
  error: unknown,
  shown: readonly string[],
  labels: Readonly<Record<string, string>> = {},
): FormProblems {
  if (!(error instanceof StudioRequestError) || error.code !== 'invalid_input')
    return { fields: {}, summary: describeError(error), general: [] }
  // A rule the service checks (a template's publishing rules): its headline and every problem.
  if (!error.fields.length) return { fields: {}, summary: error.message, general: error.issues }
  const fields: Record<string, string> = {}
  const general: string[] = []
  for (const issue of error.fields) {
    const field = shown.find((name) => belongsTo(issue.path, name))
    if (field) fields[field] ??= issue.message
    else {
      const label = Object.entries(labels).find(([name]) => belongsTo(issue.path, name))?.[1]
      general.push(label ? `${label}: ${issue.message}` : issue.message)
    }
  }
  return { fields, summary: null, general }
}
