import type { EducationLevel } from '../types'

/** Education levels in order; the reader keeps the highest, scoring compares against the job's minimum. */
export const EDUCATION_RANK: Record<EducationLevel, number> = {
  none: 0,
  high_school: 1,
  associate: 2,
  bachelor: 3,
  master: 4,
  doctorate: 5,
}

// "MS SQL", "MS Office", "MS Excel": Microsoft's, not a Master of Science.
const MICROSOFT_PRODUCTS = String.raw`(?:SQL|Office|Excel|Word|Access|Project|Dynamics|Teams|PowerPoint|Outlook|Visio|Azure|SharePoint|Exchange|CRM|Windows|DOS|Visual|Intune|Power|Fabric|Navision|Paint)\b`

// Bare two-letter degrees (BA, BS, MA, MS) also name US states ("Cambridge, MA"): they count only
// when not after a comma and when a field of study, "in"/"of" or a bracket ("BA (Hons)", "BE (ISE)") follows.
const BARE = (letters: string) =>
  String.raw`(?<!,\s?)\b(?:${letters})\b(?!\s+${MICROSOFT_PRODUCTS})(?=,?\s+(?:in\b|of\b|\p{Lu}|\())`

const LEVELS: [EducationLevel, RegExp, RegExp | null][] = [
  [
    'doctorate',
    /\b(ph\.?\s?d|doctor of|doctorate|doctoral|d\.phil|dphil|ed\.d|edd|dnp|psy\.?d|pharm\.?d|j\.d\.|m\.d\.|d\.d\.s|dr\.-ing)(?![\p{L}])/iu,
    new RegExp(BARE('PhD|MD|JD|DDS|DVM'), 'u'),
  ],
  [
    'master',
    /\b((?<!\b(?:scrum|quiz|web|ring|toast|head|station|game|grand|yard|harbou?r|post|band|choir|concert|house|task|reiki|yoga|chess)\s*)master'?s?(?!\s+(?:data|electrician|craftsman|plumber|carpenter|technician|trainers?|class(?:es)?|cards?|plans?|schedul\w*|files?|records?|agreements?|key|chef|brewer|black|list|sheet|recipes?|production|batch|copy|node|branch|builder|mason|mariner|degree holders? only))|m\.s\.|m\.sc|msc|m\.a\.|mba|m\.b\.a|m\.eng|meng|m\.ed|msn|m\.s\.n|mph|m\.p\.h|m\.phil|mphil|mfa|m\.f\.a|llm|ll\.m|mpa|mpp|msw|mcs|m\.\s?tech|mtech|mca|m\.c\.a|m\.\s?e|m\.\s?pharm|m\.\s?arch|m\.\s?des|pgdm|pgdba|(?<![@./-])m\.?\s?com|laurea magistrale|diplom-ingenieur|dipl\.-ing|mestrado|maestría)(?![\p{L}])/iu,
    new RegExp(BARE('MS|MA|MEng|MSc|MSE'), 'u'),
  ],
  [
    'bachelor',
    /\b(bachelor'?s?|b\.s\.|b\.sc|bsc|b\.a\.|b\.eng|beng|b\.\s?tech|btech|bsn|b\.s\.n|b\.com|bcom|bba|b\.b\.a|bfa|b\.f\.a|b\.ed|undergraduate degree|baccalaureate|b\.\s?e|bca|b\.c\.a|ll\.?\s?b|b\.\s?pharm|bpharm|b\.\s?arch|barch|b\.\s?des|mbbs|bds|bbm|b\.p\.ed|laurea|bacharelado|licenciatura|licence professionnelle)(?![\p{L}])/iu,
    new RegExp(BARE('BS|BA|BSE|BE|AB'), 'u'),
  ],
  ['associate', /\b(associate'?s? (degree|of (arts|science|applied))|a\.a\.s?\.|a\.s\.|adn|aas)(?![\p{L}])/iu, null],
  [
    'high_school',
    /\b(high school|secondary school|ged|a-levels?|gcses?|abitur|baccalauréat|hsc|ssc|higher secondary|senior secondary|matriculation)(?![\p{L}])/iu,
    null,
  ],
]

/** Every level the text names, highest first. */
export function levelsNamed(text: string): EducationLevel[] {
  return LEVELS.filter(([, spelled, bare]) => spelled.test(text) || bare?.test(text)).map(([level]) => level)
}

/** The highest degree named in the text (education lines, or degree fields of a JSON Resume). */
export function educationLevelOf(texts: readonly string[]): EducationLevel {
  let best: EducationLevel = 'none'
  for (const text of texts) {
    for (const [level, spelled, bare] of LEVELS) {
      if (EDUCATION_RANK[level] <= EDUCATION_RANK[best]) break
      if (spelled.test(text) || bare?.test(text)) {
        best = level
        break
      }
    }
    if (best === 'doctorate') break
  }
  return best
}

export const DEGREE_HINT =
  /\b(university|college|institute|school of|academy|conservatoire|conservatory|polytechnic|hons|bachelor|master|ph\.?d|diploma|degree|b\.?sc|m\.?sc|mba|bsn|msn|gpa)\b/i

/** Whether the line names a degree as degrees are spelled out (not a bare "MS", which is also "MS Excel"). */
export const spellsDegree = (line: string): boolean => LEVELS.some(([, spelled]) => spelled.test(line))
