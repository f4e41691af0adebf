import { useEffect, type RefObject } from 'react'
import type { FormProblems } from '../api/field-errors'

/** After a failed save, moves focus to the first field marked invalid, where the person fixes it. */
export function useFocusFirstProblem(form: RefObject<HTMLElement | null>, problems: FormProblems) {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [form, problems])
}
