import { useState } from 'react'
import type { PickerOption } from '../../../../shared/contract/interviews'
import { useRequest } from '../../api/useRequest'

/** Chooses a candidate from screening's list, searching by name or email as the recruiter types. */
export function CandidatePicker(props: {
  label: string
  value: PickerOption | null
  onChange(option: PickerOption | null): void
  optional?: boolean
}) {
  const [search, setSearch] = useState('')
  const found = useRequest('invitations.candidateOptions', { search: search.trim() }, { delayMs: 150 })
  // A failed search offers nothing rather than the previous search's people.
  const options = found.error ? [] : (found.data ?? [])

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
