import { useEffect, useState } from 'react'
import type { PickerOption } from '../../../../shared/contract/interviews'
import { call } from '../../api/client'

/** Chooses a candidate from screening's list, searching by name or email as the recruiter types. */
export function CandidatePicker(props: {
  label: string
  value: PickerOption | null
  onChange(option: PickerOption | null): void
  optional?: boolean
}) {
  const [search, setSearch] = useState('')
  const [options, setOptions] = useState<PickerOption[]>([])

  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      call('invitations.candidateOptions', { search: search.trim() })
        .then((list) => live && setOptions(list))
        .catch(() => live && setOptions([]))
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [search])

  const shown = props.value && !options.some((o) => o.id === props.value!.id) ? [props.value, ...options] : options

  return (
    <div className="row">
      <label>
        {props.label} search{' '}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or email" />
      </label>
      <label>
        {props.label}
        <select
          value={props.value?.id ?? ''}
          onChange={(e) => props.onChange(shown.find((o) => o.id === e.target.value) ?? null)}
          required={!props.optional}
        >
          <option value="">{props.optional ? 'None' : 'Choose…'}</option>
          {shown.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
              {o.detail ? ` (${o.detail})` : ''}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
