import { z } from 'zod'
import type { ExtractedDocument, ExtractLimits } from '../types'
import { cleanText, visibleCharCount } from './clean-text'
import { detectInjection } from './injection'
import { refuse } from './limits'
import { checkLength } from './read-text'

/**
 * The JSON Resume schema (jsonresume.org), the parts a screener uses. Unknown fields are dropped;
 * every string is bounded so a hostile file cannot make later steps slow.
 */
const text = (max = 500) => z.string().max(max).optional().catch(undefined)
const list = <T extends z.ZodTypeAny>(item: T, max = 100) => z.array(item).max(max).optional().catch(undefined)
const words = list(z.string().max(200), 200)

const location = z
  .object({ address: text(), postalCode: text(40), city: text(100), countryCode: text(10), region: text(100) })
  .partial()
  .optional()
  .catch(undefined)

const dated = { startDate: text(40), endDate: text(40) }

export const jsonResumeSchema = z.object({
  $schema: text(300),
  basics: z
    .object({
      name: text(200),
      label: text(200),
      email: text(254),
      phone: text(60),
      url: text(500),
      summary: text(5000),
      location,
      profiles: list(z.object({ network: text(100), username: text(200), url: text(500) }).partial(), 30),
    })
    .partial()
    .optional()
    .catch(undefined),
  work: list(
    z
      .object({
        name: text(200),
        company: text(200),
        position: text(200),
        url: text(500),
        ...dated,
        summary: text(5000),
        highlights: words,
        location: text(200),
      })
      .partial(),
  ),
  volunteer: list(
    z
      .object({ organization: text(200), position: text(200), ...dated, summary: text(5000), highlights: words })
      .partial(),
  ),
  education: list(
    z
      .object({
        institution: text(200),
        area: text(200),
        studyType: text(200),
        ...dated,
        score: text(60),
        courses: words,
      })
      .partial(),
  ),
  awards: list(z.object({ title: text(200), date: text(40), awarder: text(200), summary: text(2000) }).partial()),
  certificates: list(z.object({ name: text(200), date: text(40), issuer: text(200), url: text(500) }).partial()),
  publications: list(
    z.object({ name: text(300), publisher: text(200), releaseDate: text(40), summary: text(2000) }).partial(),
  ),
  skills: list(z.object({ name: text(200), level: text(100), keywords: words }).partial(), 200),
  languages: list(z.object({ language: text(100), fluency: text(100) }).partial()),
  interests: list(z.object({ name: text(200), keywords: words }).partial()),
  projects: list(
    z
      .object({
        name: text(200),
        description: text(5000),
        highlights: words,
        keywords: words,
        ...dated,
        url: text(500),
        roles: words,
      })
      .partial(),
  ),
})

export type JsonResume = z.infer<typeof jsonResumeSchema>

/** Does this parsed JSON look like a JSON Resume (rather than some other JSON file)? */
export function looksLikeJsonResume(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  if (typeof record.$schema === 'string' && /jsonresume/i.test(record.$schema)) return true
  return (
    typeof record.basics === 'object' &&
    record.basics !== null &&
    ['work', 'education', 'skills'].some((key) => Array.isArray(record[key]))
  )
}

const range = (start?: string, end?: string) => (start ? `${start} - ${end || 'Present'}` : (end ?? ''))
const join = (...parts: (string | undefined)[]) => parts.filter((part) => part && part.trim() !== '').join(', ')

/**
 * The resume as a person would lay it out on a page, with the usual section headings, so the
 * text-based reader and the skill evidence work the same as for any other format.
 */
export function renderJsonResume(resume: JsonResume): string {
  const lines: string[] = []
  const section = (heading: string, body: string[]) => {
    if (body.length === 0) return
    lines.push('', heading, ...body)
  }
  const basics = resume.basics ?? {}
  if (basics.name) lines.push(basics.name)
  if (basics.label) lines.push(basics.label)
  const contact = join(
    basics.email,
    basics.phone,
    basics.url,
    basics.location ? join(basics.location.city, basics.location.region, basics.location.countryCode) : undefined,
  )
  if (contact) lines.push(contact)
  for (const profile of basics.profiles ?? []) {
    const line = join(profile.network, profile.url ?? profile.username)
    if (line) lines.push(line)
  }
  section('Summary', basics.summary ? [basics.summary] : [])
  section(
    'Experience',
    (resume.work ?? []).flatMap((job) => [
      join(job.position, job.name ?? job.company),
      range(job.startDate, job.endDate),
      ...(job.summary ? [job.summary] : []),
      ...(job.highlights ?? []).map((highlight) => `- ${highlight}`),
    ]),
  )
  section(
    'Volunteer',
    (resume.volunteer ?? []).flatMap((role) => [
      join(role.position, role.organization),
      range(role.startDate, role.endDate),
      ...(role.summary ? [role.summary] : []),
    ]),
  )
  section(
    'Education',
    (resume.education ?? []).flatMap((school) => [
      join(
        school.studyType && school.area ? `${school.studyType} in ${school.area}` : (school.studyType ?? school.area),
        school.institution,
      ),
      range(school.startDate, school.endDate),
    ]),
  )
  section(
    'Skills',
    (resume.skills ?? []).map((skill) =>
      skill.keywords?.length ? `${skill.name ?? 'Skills'}: ${skill.keywords.join(', ')}` : (skill.name ?? ''),
    ),
  )
  section(
    'Projects',
    (resume.projects ?? []).flatMap((project) => [
      join(project.name, project.keywords?.join(', ')),
      ...(project.description ? [project.description] : []),
      ...(project.highlights ?? []).map((highlight) => `- ${highlight}`),
    ]),
  )
  section(
    'Certifications',
    (resume.certificates ?? []).map((certificate) => join(certificate.name, certificate.issuer, certificate.date)),
  )
  section(
    'Awards',
    (resume.awards ?? []).map((award) => join(award.title, award.awarder, award.date)),
  )
  section(
    'Languages',
    (resume.languages ?? []).map((language) => join(language.language, language.fluency)),
  )
  return lines.join('\n')
}

/** A JSON Resume: validated, kept as structured data, and rendered as text for reading and evidence. */
export function readJsonResume(json: unknown, limits: ExtractLimits): ExtractedDocument {
  const parsed = jsonResumeSchema.safeParse(json)
  if (!parsed.success) refuse('corrupt', 'The file looks like a JSON Resume but does not follow its schema.')
  const text = cleanText(renderJsonResume(parsed.data))
  if (visibleCharCount(text) === 0) refuse('empty', 'The JSON Resume has no content.')
  const pages = checkLength(text, limits)
  return { format: 'json-resume', text, hiddenText: '', pages, flags: detectInjection(text), structured: parsed.data }
}
