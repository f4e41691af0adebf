import type { JobSkill } from '../../../../shared/contract/screening'

export type SkillKind = 'required' | 'preferred'

/** One of a job's skill lists: each skill's weight can be changed, or the skill removed. */
export function SkillList({
  kind,
  skills,
  onChange,
}: {
  kind: SkillKind
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
