import { useState, type FormEvent } from 'react'
import {
  difficultySchema,
  type Difficulty,
  type GenerationResult,
  type PickerOption,
} from '../../../../shared/contract/interviews'
import { call, describeError } from '../../api/client'
import { CandidatePicker } from './CandidatePicker'
import { DIFFICULTY_LABELS } from './labels'
import { ErrorText } from '../../components/ErrorText'
import { Modal, ModalClose } from '../../components/Modal'

const DEFAULT_COUNT: Record<Difficulty, number> = { warm_up: 3, standard: 6, advanced: 4 }
const HINTS: Record<Difficulty, string> = {
  warm_up: 'Easy openers about background and motivation.',
  standard: 'The core skills of the job, technical and behavioural.',
  advanced: 'Trade-offs and depth that find where a candidate’s skill stops.',
}

/** Asks the AI for draft questions from the template's job (and optionally one candidate's resume). */
export function GenerateDialog(props: {
  templateId: string
  open: boolean
  onClose(): void
  onGenerated(result: GenerationResult): void
}) {
  const [difficulty, setDifficulty] = useState<Difficulty>('standard')
  const [count, setCount] = useState(DEFAULT_COUNT.standard)
  const [candidate, setCandidate] = useState<PickerOption | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await call('questions.generate', {
        templateId: props.templateId,
        difficulty,
        count,
        candidateId: candidate?.id,
      })
      props.onGenerated(result)
      props.onClose()
    } catch (e) {
      setError(describeError(e))
    } finally {
      setBusy(false)
    }
  }

  if (!props.open) return null
  return (
    <Modal title="Generate questions" className="generate-dialog" onClose={props.onClose}>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Difficulty</legend>
          {difficultySchema.options.map((d) => (
            <label key={d} className="field">
              <span>
                <input
                  type="radio"
                  name="difficulty"
                  value={d}
                  checked={difficulty === d}
                  onChange={() => {
                    setDifficulty(d)
                    setCount(DEFAULT_COUNT[d])
                  }}
                />{' '}
                {DIFFICULTY_LABELS[d]}
              </span>
              <span className="muted">{HINTS[d]}</span>
            </label>
          ))}
        </fieldset>
        <label>
          How many{' '}
          <input
            type="number"
            min={1}
            max={10}
            value={count}
            onChange={(e) => setCount(Math.min(10, Math.max(1, Math.round(Number(e.target.value) || 1))))}
          />
        </label>
        <CandidatePicker label="Tailor to a candidate’s resume" value={candidate} onChange={setCandidate} optional />
        <p className="muted">
          The same job, difficulty and resume are answered from the cache at no cost. Generated questions arrive as
          drafts for you to edit.
        </p>
        <ErrorText error={error} />
        <div className="row">
          <button type="submit" disabled={busy}>
            {busy ? 'Generating…' : 'Generate'}
          </button>
          <ModalClose>Cancel</ModalClose>
        </div>
      </form>
    </Modal>
  )
}
