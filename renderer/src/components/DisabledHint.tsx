/** The id of a disabled action's hint, for the button's aria-describedby. */
export const disabledHintId = (actionId: string) => `${actionId}-needs`

/**
 * What a disabled action needs, shown beside it and read with it: a disabled button alone never
 * says why. Nothing while the action is available.
 */
export function DisabledHint({ actionId, needs }: { actionId: string; needs: string | null }) {
  if (!needs) return null
  return (
    <span id={disabledHintId(actionId)} className="disabled-hint">
      {needs}
    </span>
  )
}
