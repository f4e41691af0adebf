import { MAX_ALTERNATIVES, skillLabel, type JobSkill } from '../../../../shared/contract/screening'

export type SkillKind = 'required' | 'preferred'

const choices = (skill: JobSkill) => [skill, ...(skill.alternatives ?? [])]

/** Each of a skill's alternatives as a skill of its own, at its weight, in its place. */
const split = (skills: JobSkill[], skill: JobSkill): JobSkill[] =>
  skills.flatMap((s) =>
    s.skillId === skill.skillId ? choices(s).map(({ skillId, name }) => ({ skillId, name, weight: s.weight })) : [s],
  )

/** The skill at `index` (and its own alternatives) joined to the one above it as alternatives, at that one's weight. */
function joinAbove(skills: JobSkill[], index: number): JobSkill[] {
  const above = skills[index - 1]!
  const alternatives = [...(above.alternatives ?? []), ...choices(skills[index]!)].map(({ skillId, name }) => ({
    skillId,
    name,
  }))
  return [...skills.slice(0, index - 1), { ...above, alternatives }, ...skills.slice(index + 1)]
}

/**
 * One of a job's skill lists: each skill's weight can be changed, or the skill removed; a skill
 * can be joined to the one above as an alternative ("Figma or Adobe XD": either one will do), and a
 * skill with alternatives split so that each is asked for on its own.
 */
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
      {skills.map((skill, index) => (
        <li key={skill.skillId} data-skill={skill.skillId}>
          <span>{skillLabel(skill)}</span>
          <label>
            <span className="visually-hidden">Weight of {skillLabel(skill)}</span>
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
            aria-label={`Remove ${skillLabel(skill)}`}
            onClick={() => onChange(skills.filter((s) => s.skillId !== skill.skillId))}
          >
            Remove
          </button>
          {index > 0 && choices(skills[index - 1]!).length + choices(skill).length <= MAX_ALTERNATIVES + 1 && (
            <button
              type="button"
              className="secondary quiet"
              aria-label={`Accept ${skillLabel(skill)} in place of ${skillLabel(skills[index - 1]!)}: either will do`}
              onClick={() => onChange(joinAbove(skills, index))}
            >
              Or the one above
            </button>
          )}
          {skill.alternatives && (
            <button
              type="button"
              className="secondary quiet"
              aria-label={`Ask for each of ${skillLabel(skill)} on its own`}
              onClick={() => onChange(split(skills, skill))}
            >
              Each on its own
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
