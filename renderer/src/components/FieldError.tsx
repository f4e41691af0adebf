/** The id of a field's message, for the field's aria-describedby. */
export const fieldErrorId = (fieldId: string) => `${fieldId}-error`

/**
 * Attributes for a field that may have a problem: marked invalid and described by its message (and
 * by any hint the field already has).
 */
export function invalidProps(fieldId: string, message: string | undefined, hintId?: string) {
  const describedBy = [message ? fieldErrorId(fieldId) : null, hintId].filter(Boolean).join(' ')
  return {
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const
}

/** A problem shown beside its field; nothing while there is none. */
export function FieldError({ fieldId, message }: { fieldId: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={fieldErrorId(fieldId)} className="field-error">
      {message}
    </p>
  )
}
