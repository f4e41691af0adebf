import { useEffect, useState } from 'react'
import { call, describeError } from '../../api/client'
import { useRecruiterStore } from '../../store/store'
import { AiSettingsSection } from './AiSettingsSection'
import { KioskPinForm } from './KioskPinForm'
import { MailSection } from './MailSection'
import { SECRET_NAMES, SecretField } from './SecretField'
import { UpdatesSection } from './UpdatesSection'
import { WebhooksSection } from './WebhooksSection'
import { ErrorText } from '../../components/ErrorText'
import { RetentionSection } from '../rights/RetentionSection'

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
          SECRET_NAMES.map((name) => <SecretField key={name} name={name} isSet={secrets[name]} onChange={refresh} />)}
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
