import { useId, useState } from 'react'
import { skillIdsOf, type JobSkill, type SkillSuggestion } from '../../../../shared/contract/screening'
import { call, describeError } from '../../api/client'
import { useRequest } from '../../api/useRequest'
import { ErrorText } from '../../components/ErrorText'
import { SkillList, type SkillKind } from './SkillList'
import { SkillSearch } from './SkillSearch'
import { SkillSuggestions, type SkillToAdd } from './SkillSuggestions'

export interface SkillLists {
  requiredSkills: JobSkill[]
  preferredSkills: JobSkill[]
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
  /** The posting as the form has it: its title, and its description and requirements. */
  describe: () => { title: string; text: string }
}) {
  const [target, setTarget] = useState<SkillKind>('required')
  const [query, setQuery] = useState('')
  const [suggestions, setSuggestions] = useState<SkillSuggestion[] | null>(null)
  const [suggestError, setSuggestError] = useState<string | null>(null)
  const targetId = useId()
  const text = query.trim()
  const search = useRequest('jobs.searchSkills', text ? { query: text, limit: 8 } : null, { delayMs: 120 })

  const chosen = new Set([...value.requiredSkills, ...value.preferredSkills].flatMap(skillIdsOf))

  /** Adds skills in one change (several calls in a row would each start from the same old lists). */
  const addAll = (items: SkillToAdd[]) => {
    const next = { requiredSkills: [...value.requiredSkills], preferredSkills: [...value.preferredSkills] }
    const taken = new Set(chosen)
    for (const { skill, kind } of items) {
      if (taken.has(skill.skillId)) continue
      const alternatives = (skill.alternatives ?? []).filter((alternative) => !taken.has(alternative.skillId))
      for (const id of [skill.skillId, ...alternatives.map((alternative) => alternative.skillId)]) taken.add(id)
      ;(kind === 'required' ? next.requiredSkills : next.preferredSkills).push({
        skillId: skill.skillId,
        name: skill.name,
        weight: skill.weight,
        ...(alternatives.length ? { alternatives } : {}),
      })
    }
    onChange(next)
  }

  const suggest = async () => {
    try {
      setSuggestions(await call('jobs.suggestSkills', describe()))
      setSuggestError(null)
    } catch (e) {
      setSuggestError(describeError(e))
    }
  }

  return (
    <fieldset className="skill-editor">
      <legend>Skills</legend>
      <div className="row">
        <span id={`${targetId}-target`}>Add to:</span>
        <label>
          <input
            type="radio"
            name={`${targetId}-target`}
            checked={target === 'required'}
            onChange={() => setTarget('required')}
          />{' '}
          Required
        </label>
        <label>
          <input
            type="radio"
            name={`${targetId}-target`}
            checked={target === 'preferred'}
            onChange={() => setTarget('preferred')}
          />{' '}
          Preferred
        </label>
      </div>
      <SkillSearch
        query={query}
        onQueryChange={setQuery}
        results={search.data}
        onPick={(skill) => addAll([{ skill, kind: target }])}
      />
      <SkillSuggestions
        suggestions={suggestions && suggestions.filter((s) => !chosen.has(s.skillId))}
        target={target}
        onSuggest={suggest}
        onAdd={addAll}
      />
      <ErrorText error={suggestError ?? search.error} />
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
