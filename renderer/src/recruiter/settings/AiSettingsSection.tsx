import { useState } from 'react'
import type {
  AiCapability,
  AiConnectionTestResult,
  AiSettingsView,
  AiUsageSummary,
} from '../../../../shared/contract/ai'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'

const CAPABILITIES: { id: AiCapability; label: string }[] = [
  { id: 'chat', label: 'Interviewer and assessment (chat)' },
  { id: 'embeddings', label: 'Resume matching (embeddings)' },
  { id: 'stt', label: 'Speech to text' },
  { id: 'tts', label: 'Text to speech' },
]

const money = (usd: number) => `$${usd.toFixed(usd < 1 ? 4 : 2)}`

function ModelRow({
  view,
  capability,
  label,
  onChange,
}: {
  view: AiSettingsView
  capability: AiCapability
  label: string
  onChange: (view: AiSettingsView) => void
}) {
  const [test, setTest] = useState<AiConnectionTestResult | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const current = view.settings[capability]
  const status = view.status[capability]
  const choices = view.choices[capability]
  const id = `model-${capability}`

  const choose = async (value: string) => {
    const choice = choices.find((c) => `${c.provider}:${c.model}` === value)
    if (!choice) return
    try {
      const patch = { [capability]: { ...current, provider: choice.provider, model: choice.model } }
      onChange(await call('ai.updateSettings', patch))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }
  const runTest = async () => {
    setBusy(true)
    try {
      setTest(await call('ai.testConnection', { capability }))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field" data-capability={capability}>
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <select id={id} value={`${current.provider}:${current.model}`} onChange={(e) => void choose(e.target.value)}>
          {choices.map((c) => (
            <option key={`${c.provider}:${c.model}`} value={`${c.provider}:${c.model}`}>
              {c.provider} · {c.model} — {c.price}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={runTest} disabled={busy} aria-describedby={`${id}-test`}>
          {busy ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <span className="muted">
        {status.available ? 'Ready' : (status.reason ?? 'Not available')}
        {status.circuit !== 'closed' && ` · circuit ${status.circuit.replace('_', '-')}`}
      </span>
      <span id={`${id}-test`} role="status" className={test && !test.ok ? 'error-text' : 'muted'}>
        {test && `${test.ok ? 'Connected' : 'Failed'}: ${test.message} (${Math.round(test.latencyMs)} ms)`}
      </span>
      <ErrorText error={error} />
    </div>
  )
}

function UsageTable({ usage }: { usage: AiUsageSummary }) {
  return (
    <table aria-label={`AI usage for ${usage.month}`}>
      <thead>
        <tr>
          <th scope="col">Capability</th>
          <th scope="col">Calls</th>
          <th scope="col">Tokens in / out</th>
          <th scope="col">Audio seconds</th>
          <th scope="col">Characters</th>
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {CAPABILITIES.map(({ id, label }) => {
          const t = usage.byCapability[id]
          return (
            <tr key={id}>
              <td>{label}</td>
              <td>
                {t.calls}
                {t.failedCalls > 0 && <span className="muted"> ({t.failedCalls} failed)</span>}
              </td>
              <td>
                {t.inputTokens.toLocaleString()} / {t.outputTokens.toLocaleString()}
              </td>
              <td>{t.audioSeconds.toFixed(1)}</td>
              <td>{t.characters.toLocaleString()}</td>
              <td>{money(t.costUsd)}</td>
            </tr>
          )
        })}
        <tr>
          <th scope="row">This month</th>
          <td>{usage.calls}</td>
          <td>
            {usage.inputTokens.toLocaleString()} / {usage.outputTokens.toLocaleString()}
          </td>
          <td>{usage.audioSeconds.toFixed(1)}</td>
          <td>{usage.characters.toLocaleString()}</td>
          <td>{money(usage.costUsd)}</td>
        </tr>
      </tbody>
    </table>
  )
}

/** Model per capability, connection tests, the per-interview budget and this month's spend. */
export function AiSettingsSection({ keysVersion }: { keysVersion: number }) {
  // Setting or clearing a key changes which models are available and what they cost.
  const settings = useRequest('ai.getSettings', {}, { deps: [keysVersion] })
  const { data: usage, error: usageError } = useRequest('ai.usage', {}, { deps: [keysVersion] })
  const { data: view, setData: setView } = settings
  const [budgetError, setBudgetError] = useState<string | null>(null)

  const setBudget = async (value: string) => {
    try {
      setView(await call('ai.updateSettings', { perInterviewBudgetUsd: value === '' ? null : Number(value) }))
      setBudgetError(null)
    } catch (e) {
      setBudgetError(describeError(e))
    }
  }

  return (
    <>
      <ErrorText error={budgetError ?? settings.error ?? usageError} />
      {view &&
        CAPABILITIES.map(({ id, label }) => (
          <ModelRow key={id} view={view} capability={id} label={label} onChange={setView} />
        ))}
      {view && (
        <div className="field">
          <label htmlFor="budget">Budget per interview (US$, empty for no limit)</label>
          <input
            id="budget"
            type="number"
            min={0}
            max={1000}
            step={0.5}
            defaultValue={view.settings.perInterviewBudgetUsd ?? ''}
            onBlur={(e) => void setBudget(e.target.value)}
          />
        </div>
      )}
      {usage && (
        <>
          <h3>Usage this month</h3>
          <UsageTable usage={usage} />
        </>
      )}
    </>
  )
}
