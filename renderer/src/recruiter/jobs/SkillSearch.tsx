import { useId, useState, type KeyboardEvent } from 'react'
import type { SkillSuggestion } from '../../../../shared/contract/screening'

type SkillOption = Pick<SkillSuggestion, 'skillId' | 'name' | 'category' | 'weight'>

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9+#.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)

/**
 * The "Find a skill" combobox: taxonomy matches for what is typed, and the text itself as a custom
 * skill when no match has that name. Arrow keys move through the options, Enter picks, Escape clears.
 */
export function SkillSearch({
  query,
  onQueryChange,
  results,
  onPick,
}: {
  query: string
  onQueryChange(query: string): void
  /** The taxonomy's latest matches (null before the first); may be for an earlier query while typing. */
  results: SkillSuggestion[] | null
  onPick(option: SkillOption): void
}) {
  const listId = useId()
  const [active, setActive] = useState(0)
  const [resultsSeen, setResultsSeen] = useState(results)
  // New matches start again from the first option.
  if (results !== resultsSeen) {
    setResultsSeen(results)
    setActive(0)
  }

  const text = query.trim()
  const found = text ? (results ?? []) : []
  const options: SkillOption[] = [
    ...found,
    ...(text && !found.some((r) => r.name.toLowerCase() === text.toLowerCase())
      ? [{ skillId: `custom:${slug(text) || 'skill'}`, name: text, category: 'custom', weight: 3 }]
      : []),
  ]

  const pick = (option: SkillOption | undefined) => {
    if (!option) return
    onPick(option)
    onQueryChange('')
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
    } else if (event.key === 'Escape') onQueryChange('')
  }

  return (
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
        onChange={(e) => onQueryChange(e.target.value)}
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
  )
}
