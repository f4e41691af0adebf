import type { z } from 'zod'
import type { FieldIssue } from '../../../shared/contract'

/**
 * Words for zod's own messages, used where a schema gives none (its messages win: `min(1, 'A job
 * needs a title')`). zod's defaults ("Too small: expected string to have >=1 characters") are
 * written for developers; these are for the recruiter or candidate who filled in the form.
 */
export function plainIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') return min <= 1 ? 'This cannot be empty' : `Use at least ${min} characters`
      if (issue.origin === 'array' || issue.origin === 'set') return `Add at least ${min}`
      return issue.inclusive === false ? `Must be more than ${min}` : `Must be ${min} or more`
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return `Use at most ${max} characters`
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${max} can be given`
      return issue.inclusive === false ? `Must be less than ${max}` : `Must be ${max} or less`
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'This is required'
      return issue.expected === 'number' || issue.expected === 'int' ? 'Enter a number' : 'This value is not valid'
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address such as name@example.com'
      if (issue.format === 'url') return 'Enter a web address such as https://example.com'
      return 'This is not in the expected format'
    case 'invalid_value':
      return issue.values.length <= 6
        ? `Choose one of: ${issue.values.map(String).join(', ')}`
        : 'Choose one of the options'
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}`
    default:
      return undefined
  }
}

/** A failed parse's problems by field, each field's problems in the order the schema found them. */
export function fieldIssuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}
