import type { JsonResume } from '../extract/json-resume'
import type { Taxonomy } from '../taxonomy'
import type { Contact, ExtractedDocument, ParsedResume } from '../types'
import { findDateRanges, monthOf, type MonthIndex } from './dates'
import { DEGREE_HINT, educationLevelOf, spellsDegree } from './education'
import { portalHeadline, titleUnderName } from './headline'
import { currentTitleOf, experienceSpan, readEmployment, toEmployment, type EmploymentReading } from './employment'
import { readContact } from './contact'
import { statedYears, summedJobDurations, weighExperience } from './experience'
import { layoutOf } from './layout'
import { readSkills } from './skills'

export interface ReadOptions {
  /** "Present" means this month. Defaults to the current date; pass it for repeatable results. */
  now?: Date
}

/**
 * Reads the fields a screener needs from an extracted resume: contact, sections, jobs with dates,
 * years of experience and gaps, current title, highest education and skills with evidence. Uses
 * the visible text only: hidden text never becomes a field or evidence. Pure and linear in the text.
 */
export function readResume(doc: ExtractedDocument, taxonomy: Taxonomy, options: ReadOptions = {}): ParsedResume {
  const now = monthOf(options.now ?? new Date())
  const layout = layoutOf(doc.text)
  const { lines, sections, lineSections, headingLines, bodies } = layout
  const firstSection = lineSections.findIndex((section) => section !== null)
  const headEnd = firstSection === -1 ? lines.length : firstSection
  const structured = doc.format === 'json-resume' ? (doc.structured as JsonResume | undefined) : undefined

  const contact = structured
    ? (structuredContact(structured, doc.text) ?? readContact(lines, doc.text, headEnd))
    : readContact(lines, doc.text, headEnd)
  const { jobs, ranges } = structured?.work?.length
    ? structuredJobs(structured, now)
    : textJobs(bodies, lineSections, headingLines, now)
  const { totalYears: datedYears, gaps } = experienceSpan(ranges)
  const notEducation = lines.filter((_, index) => lineSections[index] !== 'education')
  const experience = weighExperience({
    datedYears,
    preciseDates: ranges.every((range) => range.startPrecise && range.endPrecise),
    // A total stated in so many words counts wherever it stands (a form's "7. Total experience in
    // Sales: 10 years" may fall under its education field); a looser claim only outside education.
    stated: statedYears(lines) ?? (datedYears > 0 ? null : statedYears(notEducation, true)),
    durations: summedJobDurations(
      lineSections.includes('experience')
        ? lines.filter((_, index) => lineSections[index] === 'experience')
        : notEducation,
    ),
  })
  const educationTexts = structured?.education?.length
    ? structured.education.map((school) => `${school.studyType ?? ''} ${school.area ?? ''}`)
    : educationLines(lines, lineSections)

  return {
    contact,
    sections,
    employment: jobs.map(({ range: _range, ...job }) => job),
    totalYears: experience.years,
    experience,
    gaps,
    currentTitle:
      currentTitleOf(jobs) ?? portalHeadline(lines, headingLines) ?? titleUnderName(lines, headEnd, contact.name),
    educationLevel: educationLevelOf(educationTexts),
    skills: readSkills(lines.join('\n'), layout, taxonomy),
  }
}

function textJobs(
  lines: readonly string[],
  lineSections: readonly (string | null)[],
  headingLines: ReadonlySet<number>,
  now: MonthIndex,
): EmploymentReading {
  const hasExperience = lineSections.includes('experience')
  // Without an experience heading, every dated line counts except education's and the degree lines.
  const include = hasExperience
    ? (index: number) => lineSections[index] === 'experience'
    : (index: number) => lineSections[index] !== 'education' && !DEGREE_HINT.test(lines[index] ?? '')
  return readEmployment(lines, include, now, (index) => headingLines.has(index))
}

function educationLines(lines: readonly string[], lineSections: readonly (string | null)[]): string[] {
  const inSection = lines.filter((_, index) => lineSections[index] === 'education')
  return inSection.length > 0 ? inSection : lines.filter((line) => DEGREE_HINT.test(line) || spellsDegree(line))
}

function structuredContact(resume: JsonResume, text: string): Contact | null {
  const basics = resume.basics
  if (!basics) return null
  const links = [basics.url, ...(basics.profiles ?? []).map((profile) => profile.url)].filter((link): link is string =>
    Boolean(link),
  )
  return {
    name: basics.name?.trim() || null,
    email: basics.email?.trim() || null,
    phone: basics.phone?.trim() || null,
    links: links.length > 0 ? links : [...text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]),
  }
}

function structuredJobs(resume: JsonResume, now: MonthIndex): EmploymentReading {
  const jobs: EmploymentReading['jobs'] = []
  for (const job of resume.work ?? []) {
    const title = job.position?.trim()
    if (!title || !job.startDate) continue
    const [range] = findDateRanges(
      `${isoToText(job.startDate)} - ${job.endDate ? isoToText(job.endDate) : 'Present'}`,
      now,
    )
    if (!range) continue
    jobs.push(
      toEmployment(
        title,
        (job.name ?? job.company)?.trim() || null,
        range,
        [title, job.name ?? job.company, job.startDate, job.endDate ?? 'Present'].filter(Boolean).join(', '),
      ),
    )
  }
  return { jobs, ranges: jobs.map((job) => ({ ...job.range, startPrecise: true, endPrecise: true })) }
}

/** JSON Resume dates are ISO ("2019-03-01", "2019-03", "2019"); reduce them to year-month. */
const isoToText = (date: string) => (/^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : date.slice(0, 4))
