import type { SectionName } from '../types'

/** Which section each line belongs to; null before the first heading (the name and contact block). */
export type LineSection = SectionName | 'other' | null

export interface SectionMap {
  sections: Partial<Record<SectionName, string>>
  lineSections: LineSection[]
  /** Lines that are themselves headings. */
  headingLines: Set<number>
  /** Each line without the heading it starts with ("SKILLS C#, SQL" → "C#, SQL"); the line itself otherwise. */
  bodies: string[]
  /**
   * Lines whose skills are not the person's to offer: under a hobbies heading ("Hobbies: sketching,
   * cricket"), and the post an application names ("Vacancy: HR Business Partner", "Post applied for").
   */
  noSkillLines: Set<number>
}

const HEADINGS: Record<SectionName | 'other', string[]> = {
  summary: [
    'summary',
    'professional summary',
    'profile',
    'professional profile',
    'about',
    'about me',
    'objective',
    'career objective',
    'overview',
    'personal statement',
    'executive summary',
    'career summary',
    'introduction',
    'bio',
    'summary of qualifications',
    'professional overview',
    'profile summary',
  ],
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'relevant experience',
    'professional background',
    'career',
    'positions held',
    'clinical experience',
    'industry experience',
    'leadership experience',
    'teaching experience',
    'sales experience',
    'internships',
    'internship experience',
    'work',
    'experience summary',
    'professional history',
    'related experience',
    'nursing experience',
    'design experience',
    'selected experience',
    'internship',
    'employment details',
    'experience details',
    'work experience details',
    'where i ve worked',
    'where i have worked',
  ],
  education: [
    'education',
    'academic background',
    'education and training',
    'academic qualifications',
    'academics',
    'degrees',
    'education and certifications',
    'educational background',
    'academic history',
    'training and education',
    'academic qualification',
    'educational qualification',
    'educational qualifications',
    'education qualification',
    'education qualifications',
    'academic profile',
    'academic details',
    'academic record',
    'educational details',
  ],
  skills: [
    'skills',
    'top skills',
    'technical skills',
    'core competencies',
    'competencies',
    'key skills',
    'areas of expertise',
    'expertise',
    'skills and abilities',
    'tools',
    'technologies',
    'tech stack',
    'tools and technologies',
    'technical proficiencies',
    'proficiencies',
    'skill set',
    'skillset',
    'skills summary',
    'core skills',
    'clinical skills',
    'software',
    'languages and tools',
    'skills and tools',
    'technical expertise',
    'professional skills',
    'key competencies',
    'strengths',
    'capabilities',
    'skills and interests',
    'skills and expertise',
    'software skills',
    'computer skills',
    'it skills',
    'core expertise',
  ],
  projects: [
    'projects',
    'personal projects',
    'selected projects',
    'key projects',
    'side projects',
    'portfolio',
    'open source',
    'open source contributions',
    'project experience',
    'notable projects',
    'academic projects',
  ],
  certifications: [
    'certifications',
    'certificates',
    'licenses',
    'licenses and certifications',
    'certifications and licenses',
    'licensure',
    'credentials',
    'professional certifications',
    'training and certifications',
    'certifications and training',
    'licences',
    'licenses and certificates',
    'certification',
    'professional qualifications',
    // Courses and workshops, as India's and Britain's resumes head them ("TRAINING", "Trainings").
    'training',
    'trainings',
    'industrial training',
    'trainings attended',
  ],
  other: [
    'languages',
    'interests',
    'hobbies',
    'hobbies and interests',
    'interests and hobbies',
    'pastimes',
    'awards',
    'honors',
    'honours',
    'achievements',
    'awards and honors',
    'publications',
    'volunteer',
    'volunteering',
    'volunteer experience',
    'references',
    'activities',
    'affiliations',
    'memberships',
    'professional affiliations',
    'additional information',
    'contact',
    'contact information',
    'personal details',
    'patents',
    'conferences',
    'speaking',
    'courses',
    'coursework',
    'relevant coursework',
    'extracurricular activities',
    'leadership',
    'community involvement',
    'military service',
    'personal information',
    'personal data',
    'declaration',
    'referees',
    'extra curricular activities',
  ],
}

const LOOKUP = new Map<string, SectionName | 'other'>()
for (const [section, names] of Object.entries(HEADINGS) as [SectionName | 'other', string[]][]) {
  for (const name of names) LOOKUP.set(name, section)
}

const normalizeHeading = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()

// Words that are also ordinary list items ("Leadership" in a one-per-line skills list): they count as a
// heading only when styled like one (capitals, a trailing colon, or a Markdown #).
const WEAK = new Set([
  'leadership',
  'software',
  'tools',
  'technologies',
  'expertise',
  'strengths',
  'capabilities',
  'career',
  'work',
  'employment',
  'languages',
  'interests',
  'speaking',
  'courses',
  'coursework',
  'activities',
  'contact',
  'about',
  'bio',
  'overview',
  'introduction',
  'portfolio',
  'patents',
  'conferences',
  'volunteer',
  'volunteering',
  'training',
  'trainings',
])
// A job portal's export heads its blocks so. Only a line of its own is a heading: cutting a
// run-together export at these labels was tried, and it parted its jobs' dates from their titles.
const PORTAL_HEADINGS = new Map<string, SectionName>([
  ['education details', 'education'],
  ['skill details', 'skills'],
  ['company details', 'experience'],
])
// Only these read as "Heading: content" on one line; "Work: +1 555 ..." is a phone label, not a section.
const INLINE: ReadonlySet<SectionName | 'other'> = new Set(['skills', 'certifications', 'other', 'summary'])

// The last word of every name isSectionName accepts: a run of capitals ending in any other plain word
// ("AWS", "SQL") is no section's name, and is turned down without normalising each way to cut it.
const LAST_WORDS = new Set([...LOOKUP.keys()].filter((name) => !WEAK.has(name)).map((name) => name.split(' ').at(-1)!))

/** False when `word` cannot end a name isSectionName accepts; true when it may. */
export function mayEndSectionName(word: string): boolean {
  const lower = word.toLowerCase()
  return !/^[a-z]+$/.test(lower) || LAST_WORDS.has(lower)
}

/** Whether `words` name a section outright ("Experience", "Technical Skills"), not as a common word. */
export function isSectionName(words: string): boolean {
  const name = normalizeHeading(words)
  return LOOKUP.has(name) && !WEAK.has(name)
}

/**
 * Whether `line` is a job portal's "Education Details" heading. It is asked of every line, and only
 * a line holding "details" (its letters kept together, whatever the case) can normalise to that.
 */
export const opensPortalEducation = (line: string): boolean =>
  /details/i.test(line) && PORTAL_HEADINGS.get(normalizeHeading(line)) === 'education'

/**
 * A heading on its own line ("EXPERIENCE", "## Work history", "Skills:"), or one that starts a line
 * followed by its content ("Skills: Python, SQL").
 */
export function headingOf(line: string): Heading | null {
  const raw = line.trim()
  const trimmed = raw.replace(/^#{1,6}\s*/, '').replace(/^[•▪●*\s-]+/, '')
  if (trimmed === '') return null
  if (trimmed.length <= 60) {
    const name = normalizeHeading(unspaced(trimmed))
    const whole = LOOKUP.get(name) ?? PORTAL_HEADINGS.get(name) ?? bilingualName(trimmed)
    const styled =
      raw.startsWith('#') || trimmed.endsWith(':') || (trimmed === trimmed.toUpperCase() && /\p{Lu}/u.test(trimmed))
    if (whole && (!WEAK.has(name) || styled)) return { section: whole, rest: '', name }
  }
  const inline = /^([^:]{2,40}):\s*(.+)$/.exec(trimmed)
  const name = inline ? normalizeHeading(inline[1]!) : ''
  const section = inline ? LOOKUP.get(name) : undefined
  if (section && inline && INLINE.has(section)) return { section, rest: inline[2]!, name }
  return leadingCapitals(trimmed)
}

// A heading set with its letters spaced out, its words further apart: "W O R K   E X P E R I E N C E".
const LETTER_SPACED = /^(?:\S )+\S(?: {2,}(?:\S )*\S)*$/u

/** The words of a letter-spaced heading ("WORK EXPERIENCE"); any other line as it is. */
export const unspaced = (text: string) =>
  LETTER_SPACED.test(text)
    ? text
        .split(/ {2,}/)
        .map((word) => word.replace(/ /g, ''))
        .join(' ')
    : text

interface Heading {
  section: SectionName | 'other'
  /** What follows the heading on its line; '' for a heading on a line of its own. */
  rest: string
  /** The heading as looked up ("work experience"). */
  name: string
}

const PASTIMES = new Set(['hobbies', 'hobbies and interests', 'interests and hobbies', 'pastimes'])
const APPLIED_FOR =
  /^\s*(?:vacancy|requisition|(?:post|position|job|role)\s+applied\s+for|applying\s+for|applied\s+for)\s*[:\-–]/i

/**
 * A heading written in two languages, one of them a section's name: "FORMAÇÃO / EDUCATION",
 * "BERUFSERFAHRUNG | WORK EXPERIENCE", "Experience / Expérience".
 */
function bilingualName(heading: string): SectionName | 'other' | undefined {
  const sides = heading.split(/\s+[/|]\s+/)
  if (sides.length !== 2) return undefined
  for (const side of sides) {
    const name = normalizeHeading(side)
    const section = WEAK.has(name) ? undefined : LOOKUP.get(name)
    if (section) return section
  }
  return undefined
}

// Up to three words in capitals, then a word that is not: "EXPERIENCE Software Developer - …".
const LEADING_CAPITALS = /^((?:\p{Lu}{2,}\s+){0,2}\p{Lu}{2,})\s+(?!\p{Lu}{2,}(?:\s|$))(\S.*)$/u

/**
 * A heading in capitals that runs on into its section's first line, as a text pasted from a page
 * or a portal's export has them ("EXPERIENCE Software Developer - Acme", "SKILLS C#, SQL"). The
 * capitals must be the heading whole: "SOFTWARE ENGINEER at Acme" is a title, not "Software".
 */
function leadingCapitals(line: string): Heading | null {
  const match = LEADING_CAPITALS.exec(line)
  const name = match ? normalizeHeading(match[1]!) : ''
  const section = match ? LOOKUP.get(name) : undefined
  return section && match ? { section, rest: match[2]!, name } : null
}

export function detectSections(lines: readonly string[]): SectionMap {
  const lineSections: LineSection[] = []
  const headingLines = new Set<number>()
  const bodies: string[] = []
  const noSkillLines = new Set<number>()
  const collected: Partial<Record<SectionName, string[]>> = {}
  let current: LineSection = null
  let pastimes = false
  lines.forEach((line, index) => {
    const heading = headingOf(line)
    if (heading) {
      current = heading.section
      pastimes = PASTIMES.has(heading.name)
      if (heading.rest === '') headingLines.add(index)
    }
    if (pastimes || APPLIED_FOR.test(line)) noSkillLines.add(index)
    bodies.push(heading && heading.rest !== '' ? heading.rest : line)
    lineSections.push(current)
    if (current && current !== 'other' && !headingLines.has(index)) {
      const body = heading ? heading.rest : line
      if (body.trim() !== '') (collected[current] ??= []).push(body.trim())
    }
  })
  const sections: Partial<Record<SectionName, string>> = {}
  for (const [name, body] of Object.entries(collected) as [SectionName, string[]][]) sections[name] = body.join('\n')
  return { sections, lineSections, headingLines, bodies, noSkillLines }
}
