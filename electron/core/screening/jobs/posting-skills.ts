import { skillIdsOf } from '../../../../shared/contract/screening'
import type { SuggestedSkill } from '../taxonomy/suggest'
import type { Taxonomy } from '../taxonomy'

/**
 * The skills a posting asks for: those its text names, required or preferred as the text says
 * (taxonomy/suggest.ts), and every skill its title names required ("Java Developer" asks for Java
 * even where the text mentions it only in passing), required ones first. The title is read apart
 * from the text, so that the text's opening lines are its opening lines whether or not a title
 * comes with it: the command line's job.md and the app's job form read one posting alike.
 */
export function postingSkills(
  taxonomy: Pick<Taxonomy, 'suggestSkills'>,
  title: string,
  text: string,
): SuggestedSkill[] {
  const fromTitle = taxonomy.suggestSkills(title)
  const inTitle = new Set(fromTitle.map((skill) => skill.skillId))
  const fromText = taxonomy.suggestSkills(text)
  const inText = new Set(fromText.flatMap(skillIdsOf))
  const skills = [
    ...fromTitle
      .filter((skill) => !inText.has(skill.skillId))
      .map((skill) => ({ ...skill, importance: 'required' as const })),
    ...fromText.map((skill) =>
      skillIdsOf(skill).some((id) => inTitle.has(id)) ? { ...skill, importance: 'required' as const } : skill,
    ),
  ]
  // Required first, as the text's own are; a skill the title made required joins them.
  return skills.sort((a, b) => Number(a.importance === 'preferred') - Number(b.importance === 'preferred'))
}
