import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import type { JobSkill, SkillSuggestion } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { ErrorText } from '../../components/ErrorText'

type Kind = 'required' | 'preferred'

export interface SkillLists {
  requiredSkills: JobSkill[]
  preferredSkills: JobSkill[]
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9+#.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)

function SkillList({
  kind,
  skills,
  onChange,
}: {
  kind: Kind
  skills: JobSkill[]
  onChange: (skills: JobSkill[]) => void
}) {
  if (!skills.length) return <p className="muted">No {kind} skills yet.</p>
  return (
    <ul aria-label={`${kind} skills`}>
      {skills.map((skill) => (
        <li key={skill.skillId} data-skill={skill.skillId}>
          <span>{skill.name}</span>
          <label>
            <span className="visually-hidden">Weight of {skill.name}</span>
            <select
              value={skill.weight}
              onChange={(e) =>
                onChange(
                  skills.map((s) => (s.skillId === skill.skillId ? { ...s, weight: Number(e.target.value) } : s)),
                )
              }
            >
              {[1, 2, 3, 4, 5].map((w) => (
                <option key={w} value={w}>
                  weight {w}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            aria-label={`Remove ${skill.name}`}
            onClick={() => onChange(skills.filter((s) => s.skillId !== skill.skillId))}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  )
}

/**
 * Required and preferred skills with weights. Skills come from the same taxonomy that reads
 * resumes (search, or suggestions from the description); anything else becomes a custom skill,
 * matched when all of its words appear in a resume.
 */
export function SkillEditor({
  value,
  onChange,
  describe,
}: {
  value: SkillLists
  onChange: (next: SkillLists) => void
  describe: () => string
}) {
  const [target, setTarget] = useState<Kind>('required')
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<SkillSuggestion[]>([])
  const [active, setActive] = useState(0)
  const [suggestions, setSuggestions] = useState<SkillSuggestion[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const listId = useId()

  const chosen = new Set([...value.requiredSkills, ...value.preferredSkills].map((s) => s.skillId))

  useEffect(() => {
    const text = query.trim()
    if (!text) return
    let live = true
    const timer = setTimeout(() => {
      call('jobs.searchSkills', { query: text, limit: 8 })
        .then((found) => live && (setResults(found), setActive(0)))
        .catch((e: unknown) => live && setError(describeError(e)))
    }, 120)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query])

  /** Adds skills in one change (several calls in a row would each start from the same old lists). */
  const addAll = (items: { skill: { skillId: string; name: string }; kind: Kind }[]) => {
    const next = { requiredSkills: [...value.requiredSkills], preferredSkills: [...value.preferredSkills] }
    const taken = new Set(chosen)
    for (const { skill, kind } of items) {
      if (taken.has(skill.skillId)) continue
      taken.add(skill.skillId)
      ;(kind === 'required' ? next.requiredSkills : next.preferredSkills).push({
        skillId: skill.skillId,
        name: skill.name,
        weight: 3,
      })
    }
    onChange(next)
  }
  const add = (skill: { skillId: string; name: string }, kind: Kind = target) => addAll([{ skill, kind }])

  const options = [
    ...(query.trim() ? results : []),
    ...(query.trim() && !results.some((r) => r.name.toLowerCase() === query.trim().toLowerCase())
      ? [{ skillId: `custom:${slug(query.trim()) || 'skill'}`, name: query.trim(), category: 'custom' }]
      : []),
  ]

  const pick = (option: { skillId: string; name: string } | undefined) => {
    if (!option) return
    add(option)
    setQuery('')
  }

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive((i) => Math.min(options.length - 1, i + 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => Math.max(0, i - 1))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      pick(options[active])
    } else if (event.key === 'Escape') setQuery('')
  }

  const suggest = async () => {
    try {
      setSuggestions(await call('jobs.suggestSkills', { text: describe() }))
      setError(null)
    } catch (e) {
      setError(describeError(e))
    }
  }

  const fresh = suggestions?.filter((s) => !chosen.has(s.skillId)) ?? []

  return (
    <fieldset className="skill-editor">
      <legend>Skills</legend>
      <div className="row">
        <span id={`${listId}-target`}>Add to:</span>
        <label>
          <input
            type="radio"
            name={`${listId}-target`}
            checked={target === 'required'}
            onChange={() => setTarget('required')}
          />{' '}
          Required
        </label>
        <label>
          <input
            type="radio"
            name={`${listId}-target`}
            checked={target === 'preferred'}
            onChange={() => setTarget('preferred')}
          />{' '}
          Preferred
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${listId}-search`}>Find a skill</label>
        <input
          id={`${listId}-search`}
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={`${listId}-results`}
          aria-activedescendant={options.length ? `${listId}-opt-${active}` : undefined}
          autoComplete="off"
          value={query}
          placeholder="e.g. Kubernetes, k8s, Postgres"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKey}
        />
        {options.length > 0 && (
          <ul id={`${listId}-results`} role="listbox" className="skill-search-results">
            {options.map((option, i) => (
              <li
                key={option.skillId}
                id={`${listId}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault()
                  pick(option)
                }}
              >
                {option.category === 'custom' ? `Add “${option.name}” as a custom skill` : option.name}
                {option.category !== 'custom' && <span className="muted"> · {option.category}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="row">
        <button type="button" className="secondary" onClick={suggest}>
          Suggest skills from the description
        </button>
      </div>
      {suggestions && (
        <div aria-live="polite">
          {fresh.length === 0 ? (
            <p className="muted">No further skills found in the description.</p>
          ) : (
            <>
              <p className="muted">
                Found in the description: each goes to the list it reads as (required, or nice to have).{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => addAll(fresh.map((s) => ({ skill: s, kind: s.importance ?? target })))}
                >
                  Add all
                </button>
              </p>
              <ul className="suggestions" data-testid="skill-suggestions">
                {fresh.map((s) => (
                  <li key={s.skillId}>
                    <button
                      type="button"
                      className="secondary"
                      title={s.evidence}
                      onClick={() => add(s, s.importance ?? target)}
                    >
                      + {s.name}
                      {s.importance === 'preferred' && <span className="muted"> (nice to have)</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <ErrorText error={error} />
      <h3>Required</h3>
      <SkillList
        kind="required"
        skills={value.requiredSkills}
        onChange={(requiredSkills) => onChange({ ...value, requiredSkills })}
      />
      <h3>Preferred</h3>
      <SkillList
        kind="preferred"
        skills={value.preferredSkills}
        onChange={(preferredSkills) => onChange({ ...value, preferredSkills })}
      />
    </fieldset>
  )
}
