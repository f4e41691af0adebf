import { useState, type FormEvent } from 'react'
import type { SecretName } from '../../../../shared/contract/foundation'
import { call } from '../../api/client'
import { formProblems, NO_PROBLEMS } from '../../api/field-errors'
import { DisabledHint, disabledHintId } from '../../components/DisabledHint'
import { FieldError, invalidProps } from '../../components/FieldError'
import { FormProblemList } from '../../components/FormProblemList'

const KEY_LABELS: Record<SecretName, string> = {
  'openai.apiKey': 'OpenAI API key',
  'deepgram.apiKey': 'Deepgram API key',
}

/** Every key a recruiter can set, in the order Settings lists them. */
export const SECRET_NAMES = Object.keys(KEY_LABELS) as SecretName[]

/** One provider's API key: saved encrypted by the host, never shown again, only "Set" or "Not set". */
export function SecretField({ name, isSet, onChange }: { name: SecretName; isSet: boolean; onChange: () => void }) {
  const [value, setValue] = useState('')
  const [problems, setProblems] = useState(NO_PROBLEMS)
  const id = `secret-${name}`
  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await call('secrets.set', { name, value })
      setValue('')
      setProblems(NO_PROBLEMS)
      onChange()
    } catch (e) {
      setProblems(formProblems(e, ['value']))
    }
  }
  const clear = async () => {
    try {
      await call('secrets.clear', { name })
      setProblems(NO_PROBLEMS)
      onChange()
    } catch (e) {
      setProblems(formProblems(e, []))
    }
  }
  return (
    <form className="field" onSubmit={save}>
      <label htmlFor={id}>{KEY_LABELS[name]}</label>
      <div className="row">
        <input
          id={id}
          {...invalidProps(id, problems.fields.value)}
          type="password"
          autoComplete="off"
          placeholder={isSet ? 'A key is set (hidden)' : 'Not set'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" disabled={!value} aria-describedby={value ? undefined : disabledHintId(id)}>
          Save key
        </button>
        <DisabledHint actionId={id} needs={value ? null : 'Paste a key to save it.'} />
        {isSet && (
          <button type="button" onClick={clear}>
            Clear
          </button>
        )}
      </div>
      <FieldError fieldId={id} message={problems.fields.value} />
      <span className="muted" data-testid={`${id}-status`}>
        {isSet ? 'Set' : 'Not set'}
      </span>
      <FormProblemList problems={{ ...problems, fields: {} }} />
    </form>
  )
}
