/** A failed action's message, announced to screen readers; nothing while there is none. */
export function ErrorText({ error }: { error: string | null | undefined }) {
  if (!error) return null
  return (
    <p role="alert" className="error-text">
      {error}
    </p>
  )
}
