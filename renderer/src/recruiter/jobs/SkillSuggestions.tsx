import { skillLabel, type SkillSuggestion } from '../../../../shared/contract/screening'
import type { SkillKind } from './SkillList'

export interface SkillToAdd {
  skill: Pick<SkillSuggestion, 'skillId' | 'name' | 'weight' | 'alternatives'>
  kind: SkillKind
}

/**
 * Skills read from the job's description, offered one by one or all at once; each goes to the list
 * it reads as, or to the chosen list when the description does not say.
 */
export function SkillSuggestions({
  suggestions,
  target,
  onSuggest,
  onAdd,
}: {
  /** Suggestions not yet on either list; null until the recruiter asks. */
  suggestions: SkillSuggestion[] | null
  target: SkillKind
  onSuggest(): void
  onAdd(skills: SkillToAdd[]): void
}) {
  return (
    <>
      <div className="row">
        <button type="button" className="secondary" onClick={onSuggest}>
          Suggest skills from the description
        </button>
      </div>
      {suggestions && (
        <div aria-live="polite">
          {suggestions.length === 0 ? (
            <p className="muted">No further skills found in the description.</p>
          ) : (
            <>
              <p className="muted">
                Found in the description: each goes to the list it reads as (required, or nice to have).{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => onAdd(suggestions.map((s) => ({ skill: s, kind: s.importance ?? target })))}
                >
                  Add all
                </button>
              </p>
              <ul className="suggestions" data-testid="skill-suggestions">
                {suggestions.map((s) => (
                  <li key={s.skillId}>
                    <button
                      type="button"
                      className="secondary"
                      title={s.evidence}
                      onClick={() => onAdd([{ skill: s, kind: s.importance ?? target }])}
                    >
                      + {skillLabel(s)}
                      {s.importance === 'preferred' && <span className="muted"> (nice to have)</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  )
}
