import type { EducationLevelName } from '../../../../shared/contract/screening'
import { EDUCATION_RANK, levelsNamed } from '../read/education'

// A clause that names a degree as welcome rather than required: "an MBA is a plus", "Master's preferred",
// "PhD not required".
const OPTIONAL =
  /\b(plus|preferred|preferably|ideally|nice to have|desirable|bonus|advantage|advantageous|welcome|would be great|not (?:required|needed|necessary|mandatory|essential)|no need)\b/i
// Clauses end at line breaks, semicolons, commas, sentence ends and "but"; a dot inside "B.S." or "M.Sc" is not one.
const CLAUSE_END = /\n|;|,\s|\.\s+(?=\p{Lu})|\.$|\s+but\s+/u

// "Any graduate can apply", "Graduate in any discipline": a first degree, whatever its subject.
export const ANY_GRADUATE = /\b(?:any graduat(?:e|ion)|graduat(?:e|ion) in any)\b/i

/**
 * The lowest degree a job requires: "Bachelor's or Master's" asks for a bachelor's, and a degree
 * named only as a plus ("Bachelor's degree; an MBA is a plus") raises nothing. A bare "degree"
 * means a bachelor's, and so does "any graduate" ("an MBA in HR (any graduate with experience can
 * apply)" asks for a bachelor's). `none` when no clause requires a degree.
 */
export function educationRequirement(text: string): EducationLevelName {
  let lowest: EducationLevelName | null = null
  for (const clause of text.split(CLAUSE_END)) {
    if (OPTIONAL.test(clause)) continue
    const named = levelsNamed(clause)
    const bare = named.length === 0 && /\bdegree\b/i.test(clause)
    const levels: EducationLevelName[] = [...named, ...(bare || ANY_GRADUATE.test(clause) ? ['bachelor' as const] : [])]
    for (const level of levels) if (lowest === null || EDUCATION_RANK[level] < EDUCATION_RANK[lowest]) lowest = level
  }
  return lowest ?? 'none'
}
