import { useId, useState, type FormEvent } from 'react'
import { DisabledHint, disabledHintId } from '../../components/DisabledHint'
import {
  QUESTION_LIMITS,
  difficultySchema,
  questionTypeSchema,
  type Difficulty,
  type QuestionType,
  type QuestionView,
  type RubricCriterion,
} from '../../../../shared/contract/interviews'
import { DIFFICULTY_LABELS, QUESTION_TYPE_LABELS } from './labels'

/** The editable fields of a question, as questions.add and questions.update take them. */
export type QuestionFields = Omit<QuestionView, 'id' | 'templateId' | 'position' | 'source'>

const blank: QuestionFields = {
  type: 'open_voice',
  text: '',
  skill: '',
  difficulty: 'standard',
  timeLimitSec: QUESTION_LIMITS.timeLimitSec.default,
  prepTimeSec: 0,
  retakesAllowed: 0,
  rubric: [{ name: '', description: '', weight: 3 }],
  expectedPoints: [],
}

function fieldsOf(question: QuestionView | undefined): QuestionFields {
  if (!question) return blank
  const { type, text, skill, difficulty, timeLimitSec, prepTimeSec, retakesAllowed, rubric, expectedPoints } = question
  return { type, text, skill, difficulty, timeLimitSec, prepTimeSec, retakesAllowed, rubric, expectedPoints }
}

export function QuestionForm(props: {
  question?: QuestionView
  onSave(fields: QuestionFields): Promise<void>
  onCancel(): void
}) {
  const [fields, setFields] = useState<QuestionFields>(() => fieldsOf(props.question))
  const [points, setPoints] = useState(() => fieldsOf(props.question).expectedPoints.join('\n'))
  const [busy, setBusy] = useState(false)
  const id = useId()
  const tooShort = fields.text.trim().length < 5
  const set = <K extends keyof QuestionFields>(key: K, value: QuestionFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }))
  const setCriterion = (index: number, patch: Partial<RubricCriterion>) =>
    set(
      'rubric',
      fields.rubric.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await props.onSave({
        ...fields,
        text: fields.text.trim(),
        skill: fields.skill.trim(),
        rubric: fields.rubric
          .filter((c) => c.name.trim())
          .map((c) => ({ ...c, name: c.name.trim(), description: c.description.trim() })),
        expectedPoints: points
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
      })
    } finally {
      setBusy(false)
    }
  }

  const number = (value: string) => Math.round(Number(value) || 0)

  return (
    <form onSubmit={submit} aria-label={props.question ? 'Edit question' : 'New question'} className="question-form">
      <div className="field">
        <label htmlFor={`${id}-text`}>Question</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={fields.text}
          onChange={(e) => set('text', e.target.value)}
          required
          minLength={5}
          maxLength={QUESTION_LIMITS.textMax}
        />
      </div>
      <div className="row">
        <label>
          Type
          <select value={fields.type} onChange={(e) => set('type', e.target.value as QuestionType)}>
            {questionTypeSchema.options.map((t) => (
              <option key={t} value={t}>
                {QUESTION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Difficulty
          <select value={fields.difficulty} onChange={(e) => set('difficulty', e.target.value as Difficulty)}>
            {difficultySchema.options.map((d) => (
              <option key={d} value={d}>
                {DIFFICULTY_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Skill{' '}
          <input
            value={fields.skill}
            onChange={(e) => set('skill', e.target.value)}
            maxLength={80}
            placeholder="e.g. SQL"
          />
        </label>
      </div>
      <div className="row">
        <label>
          Time limit (s)
          <input
            type="number"
            min={QUESTION_LIMITS.timeLimitSec.min}
            max={QUESTION_LIMITS.timeLimitSec.max}
            value={fields.timeLimitSec}
            onChange={(e) => set('timeLimitSec', number(e.target.value))}
          />
        </label>
        <label>
          Preparation (s)
          <input
            type="number"
            min={0}
            max={QUESTION_LIMITS.prepTimeSec.max}
            value={fields.prepTimeSec}
            onChange={(e) => set('prepTimeSec', number(e.target.value))}
          />
        </label>
        <label>
          Retakes allowed
          <input
            type="number"
            min={0}
            max={QUESTION_LIMITS.retakes.max}
            value={fields.retakesAllowed}
            onChange={(e) => set('retakesAllowed', number(e.target.value))}
          />
        </label>
      </div>
      <fieldset>
        <legend>Rubric</legend>
        {fields.rubric.map((criterion, index) => (
          <div className="rubric-row" key={index}>
            <input
              aria-label={`Criterion ${index + 1} name`}
              value={criterion.name}
              onChange={(e) => setCriterion(index, { name: e.target.value })}
              placeholder="Criterion"
              maxLength={80}
            />
            <input
              aria-label={`Criterion ${index + 1} description`}
              value={criterion.description}
              onChange={(e) => setCriterion(index, { description: e.target.value })}
              placeholder="What a strong answer shows"
              maxLength={400}
            />
            <input
              aria-label={`Criterion ${index + 1} weight`}
              type="number"
              min={1}
              max={5}
              value={criterion.weight}
              onChange={(e) => setCriterion(index, { weight: Math.min(5, Math.max(1, number(e.target.value))) })}
            />
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'rubric',
                  fields.rubric.filter((_, i) => i !== index),
                )
              }
              aria-label={`Remove criterion ${index + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
        {fields.rubric.length < QUESTION_LIMITS.rubricMax && (
          <button
            type="button"
            className="secondary"
            onClick={() => set('rubric', [...fields.rubric, { name: '', description: '', weight: 3 }])}
          >
            Add criterion
          </button>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-points`}>Points a good answer covers (one per line)</label>
        <textarea id={`${id}-points`} rows={3} value={points} onChange={(e) => setPoints(e.target.value)} />
      </div>
      <div className="row">
        <button type="submit" disabled={busy || tooShort} aria-describedby={tooShort ? disabledHintId(id) : undefined}>
          {props.question ? 'Save question' : 'Add question'}
        </button>
        <DisabledHint actionId={id} needs={tooShort ? 'Write the question first (at least 5 characters).' : null} />
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
