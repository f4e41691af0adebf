import { useEffect, useState } from 'react'
import {
  CATEGORY_LABELS,
  DIMENSION_LABELS,
  SELF_ID_DIMENSIONS,
  SELF_ID_OPTIONS,
  type SelfIdentification,
} from '../../../shared/contract/fairness'
import { call, describeError } from '../api/client'

const NONE: SelfIdentification = { sex: null, race: null, ageBand: null }

/**
 * Optional questions after the interview, for the employer's fairness monitoring: each can be
 * skipped, "Prefer not to say" is an answer, and nothing is shown back once saved.
 * `onBusy` holds the end screen's countdown while the candidate is answering.
 */
export function SelfIdentify({ token, onBusy }: { token: string; onBusy(busy: boolean): void }) {
  const [answers, setAnswers] = useState<SelfIdentification>(NONE)
  const [state, setState] = useState<'checking' | 'asking' | 'saving' | 'saved' | 'skipped'>('checking')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    call('fairness.selfIdentifyOffered', { token })
      .then(({ offered }) => live && setState(offered ? 'asking' : 'skipped'))
      // Not offered when the studio cannot say: the questions are optional, the end screen is not.
      .catch(() => live && setState('skipped'))
    return () => {
      live = false
    }
  }, [token])

  const finish = (next: 'saved' | 'skipped') => {
    setState(next)
    onBusy(false)
  }
  const save = async () => {
    setState('saving')
    setError(null)
    try {
      await call('fairness.selfIdentify', { token, answers })
      finish('saved')
    } catch (e) {
      setState('asking')
      setError(`Your answers were not saved: ${describeError(e)}`)
    }
  }

  if (state === 'checking') return null
  if (state === 'saved') return <p role="status">Thank you. Your answers are saved apart from your interview.</p>
  if (state === 'skipped') return null
  return (
    <form
      className="kiosk-self-id"
      aria-labelledby="self-id-title"
      onChange={() => onBusy(true)}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h2 id="self-id-title">Optional: help us check our hiring is fair</h2>
      <p>
        These questions are voluntary. Your answers are kept apart from your interview, are never seen by the people or
        the AI assessing you, and are only counted in totals. Skipping them changes nothing.
      </p>
      {SELF_ID_DIMENSIONS.map((dimension) => (
        <fieldset key={dimension}>
          <legend>{DIMENSION_LABELS[dimension]}</legend>
          {SELF_ID_OPTIONS[dimension].map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={dimension}
                value={value}
                checked={answers[dimension] === value}
                // The values are the schema's own; the core validates them again.
                onChange={() => setAnswers({ ...answers, [dimension]: value } as SelfIdentification)}
              />{' '}
              {CATEGORY_LABELS[value]}
            </label>
          ))}
        </fieldset>
      ))}
      {error && <p role="alert">{error}</p>}
      <div className="kiosk-actions">
        <button type="submit" disabled={state === 'saving'}>
          Save my answers
        </button>
        <button type="button" className="secondary" onClick={() => finish('skipped')}>
          Skip
        </button>
      </div>
    </form>
  )
}
