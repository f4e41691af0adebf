import { useEffect, useState, type FormEvent } from 'react'
import type { SecretName } from '../../../../shared/contract/foundation'
import { call, describeError } from '../../api/client'
import { useRecruiterStore } from '../../store/store'
import { AiSettingsSection } from './AiSettingsSection'
import { MailSection } from './MailSection'
import { UpdatesSection } from './UpdatesSection'
import { WebhooksSection } from './WebhooksSection'
import { ErrorText } from '../../components/ErrorText'
import { RetentionSection } from '../rights/RetentionSection'

const KEY_LABELS: Record<SecretName, string> = {
  'openai.apiKey': 'OpenAI API key',
  'deepgram.apiKey': 'Deepgram API key',
}

function SecretField({ name, isSet, onChange }: { name: SecretName; isSet: boolean; onChange: () => void }) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await call('secrets.set', { name, value })
      setValue('')
      setError(null)
      onChange()
    } catch (e) {
      setError(describeError(e))
    }
  }
  const clear = async () => {
    try {
      await call('secrets.clear', { name })
      onChange()
    } catch (e) {
      setError(describeError(e))
    }
  }
  const id = `secret-${name}`
  return (
    <form className="field" onSubmit={save}>
      <label htmlFor={id}>{KEY_LABELS[name]}</label>
      <div className="row">
        <input
          id={id}
          type="password"
          autoComplete="off"
          placeholder={isSet ? 'A key is set (hidden)' : 'Not set'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" disabled={!value}>
          Save key
        </button>
        {isSet && (
          <button type="button" onClick={clear}>
            Clear
          </button>
        )}
      </div>
      <span className="muted" data-testid={`${id}-status`}>
        {isSet ? 'Set' : 'Not set'}
      </span>
      <ErrorText error={error} />
    </form>
  )
}

function OpenKioskButton() {
  const [message, setMessage] = useState<string | null>(null)
  const open = async () => {
    try {
      const { url } = await call('kiosk.open', {})
      // The web host cannot lock a browser: it hands over the kiosk page to open on the candidate's screen.
      if (url) window.open(url, '_blank', 'noopener')
      setMessage(null)
    } catch (e) {
      setMessage(describeError(e))
    }
  }
  return (
    <div className="field">
      <button type="button" onClick={open}>
        Open candidate kiosk
      </button>
      <ErrorText error={message} />
    </div>
  )
}

function KioskPinForm() {
  const [pin, setPin] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await call('kiosk.setPin', { pin })
      setPin('')
      setMessage('Kiosk PIN saved.')
    } catch (e) {
      setMessage(describeError(e))
    }
  }
  return (
    <form className="field" onSubmit={save}>
      <label htmlFor="kiosk-pin">Kiosk exit PIN</label>
      <div className="row">
        <input
          id="kiosk-pin"
          type="password"
          inputMode="numeric"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
        <button type="submit" disabled={!pin}>
          Save PIN
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </form>
  )
}

export function SettingsPage() {
  const preferences = useRecruiterStore((s) => s.preferences)
  const error = useRecruiterStore((s) => s.settingsError)
  const update = useRecruiterStore((s) => s.updatePreferences)
  const secrets = useRecruiterStore((s) => s.secrets)
  const keysVersion = useRecruiterStore((s) => s.keysVersion)
  const loadSecrets = useRecruiterStore((s) => s.loadSecrets)
  const refresh = () => void loadSecrets()
  useEffect(() => void loadSecrets(), [loadSecrets])
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ErrorText error={error} />
      {preferences && (
        <fieldset>
          <legend>Appearance and work</legend>
          <div className="field">
            <label htmlFor="theme">Theme</label>
            <select
              id="theme"
              value={preferences.theme}
              onChange={(e) => void update({ theme: e.target.value as typeof preferences.theme })}
            >
              <option value="system">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="workers">Background workers (applies at the next start)</label>
            <input
              id="workers"
              type="number"
              min={1}
              max={8}
              value={preferences.workerConcurrency}
              onChange={(e) => void update({ workerConcurrency: Number(e.target.value) })}
            />
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>AI providers</legend>
        <p className="muted">Keys are encrypted on this computer and never shown again once saved.</p>
        {secrets &&
          (Object.keys(KEY_LABELS) as SecretName[]).map((name) => (
            <SecretField key={name} name={name} isSet={secrets[name]} onChange={refresh} />
          ))}
        <AiSettingsSection keysVersion={keysVersion} />
      </fieldset>
      <fieldset>
        <legend>Kiosk</legend>
        <KioskPinForm />
        <OpenKioskButton />
      </fieldset>
      <MailSection />
      <WebhooksSection />
      <RetentionSection />
      {preferences && (
        <UpdatesSection
          channel={preferences.updateChannel}
          onChannel={(updateChannel) => void update({ updateChannel })}
        />
      )}
    </section>
  )
}
