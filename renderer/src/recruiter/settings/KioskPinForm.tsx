import { useState, type FormEvent } from 'react'
import { call } from '../../api/client'
import { formProblems, NO_PROBLEMS } from '../../api/field-errors'
import { DisabledHint, disabledHintId } from '../../components/DisabledHint'
import { FieldError, invalidProps } from '../../components/FieldError'
import { FormProblemList } from '../../components/FormProblemList'

/** The PIN that lets a recruiter leave the kiosk; its rule is the contract's, its message beside the field. */
export function KioskPinForm() {
  const [pin, setPin] = useState('')
  const [saved, setSaved] = useState(false)
  const [problems, setProblems] = useState(NO_PROBLEMS)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await call('kiosk.setPin', { pin })
      setPin('')
      setProblems(NO_PROBLEMS)
      setSaved(true)
    } catch (e) {
      setSaved(false)
      setProblems(formProblems(e, ['pin']))
    }
  }
  return (
    <form className="field" onSubmit={save}>
      <label htmlFor="kiosk-pin">Kiosk exit PIN</label>
      <div className="row">
        <input
          id="kiosk-pin"
          {...invalidProps('kiosk-pin', problems.fields.pin)}
          type="password"
          inputMode="numeric"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
        <button type="submit" disabled={!pin} aria-describedby={pin ? undefined : disabledHintId('kiosk-pin-save')}>
          Save PIN
        </button>
        <DisabledHint actionId="kiosk-pin-save" needs={pin ? null : 'Type a PIN of 4 to 12 digits first.'} />
      </div>
      <FieldError fieldId="kiosk-pin" message={problems.fields.pin} />
      <FormProblemList problems={{ ...problems, fields: {} }} />
      {saved && <p role="status">Kiosk PIN saved.</p>}
    </form>
  )
}
