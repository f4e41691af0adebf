import { useLayoutEffect, type RefObject } from 'react'
import type { FormProblems } from '../api/field-errors'

/**
 * After a failed save, moves focus to the first field marked invalid, where the person fixes it. In
 * the same commit as the messages (a layout effect), so focus and message arrive together, never
 * after a paint that shows the message with focus still on the button.
 */
export function useFocusFirstProblem(form: RefObject<HTMLElement | null>, problems: FormProblems) {
  useLayoutEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [form, problems])
}
