import type { Employment } from '../types'
import { findDateRanges, monthToIso, type DateRange, type MonthIndex } from './dates'
import { formJob } from './form-job'
import { isSectionName } from './sections'

export interface DatedEmployment extends Employment {
  range: { start: MonthIndex; end: MonthIndex }
}

export const TITLE_WORDS =
  /\b(engineer|developer|programmer|architect|scientist|analyst|manager|director|lead|head|vp|vice president|president|chief|cto|ceo|cfo|coo|cmo|officer|specialist|consultant|associate|assistant|coordinator|administrator|representative|rep|executive|designer|nurse|rn|lpn|cna|technician|technologist|therapist|physician|pharmacist|accountant|auditor|controller|bookkeeper|clerk|teacher|instructor|professor|lecturer|tutor|intern|internship|trainee|apprentice|recruiter|partner|advisor|adviser|agent|broker|writer|editor|strategist|marketer|planner|buyer|supervisor|foreman|operator|owner|founder|co-founder|principal|fellow|researcher|attorney|lawyer|paralegal|counsel|banker|trader|underwriter|actuary|economist|statistician|generalist|producer|artist|illustrator|photographer|chef|cook|cashier|driver|mechanic|electrician|secretary|receptionist|advocate|educator|counselor|counsellor|surgeon|dentist|midwife|paramedic|aide|caregiver|sdr|bdr|ae|tester|dba|trainer|coach)\b/i
const COMPANY_WORDS =
  /\b(inc|llc|ltd|gmbh|corp|corporation|company|co|group|hospital|health|healthcare|clinic|medical|university|college|school|bank|capital|partners|labs?|technologies|technology|systems|solutions|software|studios?|agency|consulting|associates|holdings|ventures|foundation|institute|center|centre|services|international|global|plc|ag|sa|bv|telecoms?|telecommunications|communications|networks|media|industries|enterprises|pvt|limited|llp|infotech|infosystems|infosoft|softech|softlabs|consultancy|logistics|motors|pharmaceuticals|gym|ltda|sdn|bhd|pty|srl|sarl|spa|oy|sp\. z o\.o|s\.a\. de c\.v)\b\.?/i
// Resume datasets anonymise the place as the words "City , State" ("Company Name City , State Java
// Developer 01/2015 to Current"): it separates the employer from the title, as a place does.
const SEPARATORS = /\s+[|–—•·@]\s+|\s+-\s+|\s+at\s+|\s*\t\s*|\s+City ?, State\s+|,\s+|\s{3,}/
const BULLET = /^[•▪●◦*-]\s/
// A job's header may name a promotion, the company and its office: "Senior Process Associate → Team Lead
// (Operations) — Cauvery Bank Ltd., Global Operations Centre, Bengaluru" is 106 characters.
const HEADER_MAX = 120
// A project block's fields and the label that opens a list name neither a role nor an employer: "Team
// Size : 8", "Environment : Selenium, Java", "Roles & Responsibilities:" above or below a project's
// "Duration : Jun 2019 - Jul 2021".
const PROJECT_FIELD =
  /^\W*(?:team\s*size|environment|technolog(?:y|ies)(?:\s+used)?|tools?(?:\s+used)?|platform|software|database|operating\s+system)\s*[:-]/i
const OPENS_A_LIST = /:\s*$/
// A line led by its own year is an entry of its own (an exhibition, an award), not the header of the
// job below: "2017 — Annual open submission exhibition" above "Teaching" where a PDF lost the gap.
const YEAR_ENTRY = /^\W*(?:19|20)\d{2}\s*[—–:-]\s*\p{L}/u

// A Markdown heading's hashes lead a title ("### Senior Python Developer"); at the end "#" is C#'s.
const trimPunctuation = (text: string) =>
  text
    .replace(/^[\s|,–—:;•·*#()[\]-]+|[\s|,–—:;•·*([\]-]+$/g, '')
    .replace(/\(\s*\)/g, '')
    .trim()

// A header line is short and is not a sentence; "Acme Inc." ends in a full stop but is a name.
const isHeaderLike = (line: string) =>
  line.length > 0 &&
  line.length <= HEADER_MAX &&
  !BULLET.test(line) &&
  (!/[.!?]$/.test(line) || (/\b\p{Lu}[\p{L}]{0,4}\.$/u.test(line) && line.split(/\s+/).length <= 8))

// Where a date was taken out of running text, the title is left with its frame: "Working as SAP ABAP
// Consultant from [Mar 2017 to till date]. * Developed…", "Senior SAP Developer since [2018]. * Designed…";
// and a numbered list's number: "2. Site Internship".
// A section's name run into its first job: "Experience: Associate QA Engineer – Qubitron (Sep 2022 – …)",
// "… Work Experience ETL Developer, Savanna Data Solutions Ltd, Abuja - 2021 to date".
// A label: "Designation : Hadoop Developer", "Current: Sr. ETL Developer, …", "Earlier career: ACA Chartered
// Accountant", LinkedIn's "Title Oracle DBA",
// Europass's "Occupation or position held: ETL Developer".
// A full stop that opens a word is the word's (".NET Developer").
const TITLE_LEAD_IN =
  /^(?:[\s,;:)-]|\.(?!\w))*(?:\d{1,2}[.)]\s+)?(?:(?:role|designation|position(?: held)?|occupation(?: or position held)?|(?:job )?title|(?:current(?:ly)?|presently|now|previous(?:ly)?|formerly|earlier|before|prior)(?:\s+(?:career|roles?|jobs?|positions?))?|(?:work |professional )?experience|employment)\s*[:-]\s*|(?:work|professional) experience\s+|(?:title|designation)\s+|(?:(?:currently|presently)\s+)?(?:working|worked)\s+as\s+(?:an?\s+)?)?/i
const ROLE_LABEL = /\b(?:role|designation|position(?: held)?|title)\s*[:-]\s*/gi

/** What follows a text's last role label ("… Role: Senior Big Data Engineer"), '' when it has none. */
function afterRoleLabel(text: string): string {
  let after = -1
  for (const label of text.matchAll(ROLE_LABEL)) after = label.index + label[0].length
  return after === -1 ? '' : text.slice(after)
}
// What labels a job's dates, right before them: "Duration : Aug 2021 - till date", LinkedIn's "Dates Employed Mar
// 2021 – Present", "From 10-Jan-2017 to Present".
const DATES_LABEL =
  /(?:^|\s)(?:employment\s+)?(?:duration|dates?(?:\s+employed)?|period|tenure|timeline|from|since)\s*[:-]?\s*$/i
/** The text before a job's dates, without the label that names them. */
const beforeDates = (line: string, range: { from: number }) => line.slice(0, range.from).replace(DATES_LABEL, ' ')
// Where a sentence ends before the next starts, after a word, not an abbreviation ("Sr.", "Pvt."): a
// paragraph a PDF's line joining ran into the job ("… release pipelines. Junior ETL Developer at Vistara").
const SENTENCE_END = /\p{Ll}{3,}[.!?]\s+(?=\p{Lu})/gu
/** The text from the last sentence's start, when that sentence names a role; the whole text otherwise. */
function lastSentence(text: string): string {
  let from = 0
  for (const end of text.matchAll(SENTENCE_END)) from = end.index + end[0].length
  const last = text.slice(from)
  return from > 0 && TITLE_WORDS.test(last) ? last : text
}
const TITLE_END = /\s+\.(?:\s|$)|\.?\s+[*•▪●]\s|\.\s+-\s/
const DANGLING = /(?:\s+(?:from|since|till|until|to|in|at|during|for|with))+\s*$/i
// "Experience: 4.5 years (Sep 2020 – present)" names how long, not what.
const LENGTH_ONLY = /^[\d.+\s]+(?:years?|yrs?|months?|mos?)\.?$/i
const tidyTitle = (title: string) => {
  const end = TITLE_END.exec(title)
  const kept = end ? title.slice(0, end.index) : title
  // "Pune Designation: Site Engineer": the field before the label is another's.
  const labelled = afterRoleLabel(kept)
  const tidy = trimPunctuation((labelled || kept).replace(TITLE_LEAD_IN, '').replace(DANGLING, ''))
  if (LENGTH_ONLY.test(tidy)) return ''
  return SENTENCE.test(tidy) || ROLE_IN_SENTENCE.test(tidy) ? roleInSentence(tidy) : tidy
}

// A resume written as prose puts the job in a sentence: "She currently works as Senior Civil Engineer",
// "Ethan has been a senior protocol engineer", "Right now I work remotely for Pampa Cloud Labs",
// "Sofía spent five years as a fitness instructor".
const SENTENCE = /\b(?:I(?:'m|'ve|\s+[a-z]+)|[Mm]y|[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Ww]e|[Oo]ur)\b/
const ROLE_IN_SENTENCE =
  /\b(?:(?:works?|worked|working|serves?|served|serving|joined|spent\s+(?:[\w-]+\s+){1,3})\s*as|(?:has|have|had) been|(?:I'm|I am|she is|he is|I was|she was|he was))\s+(?:an?\s+|the\s+)?/i
const ROLE_WORDS = 6

/** The role a sentence names after "works as", "has been" or "I am", up to its title word; '' if none. */
function roleInSentence(sentence: string): string {
  const found = ROLE_IN_SENTENCE.exec(sentence)
  if (!found) return ''
  const words = sentence
    .slice(found.index + found[0].length)
    .split(/\s+/)
    .slice(0, ROLE_WORDS)
  const last = words.findIndex((word) => TITLE_WORDS.test(word.replace(/[,.;:]+$/, '')))
  return last === -1 ? '' : trimPunctuation(words.slice(0, last + 1).join(' '))
}

// "Company Name Banco Serra Azul S.A." (LinkedIn's export), "Company : Telvera Sdn Bhd", "2) Everest Web Solution".
const COMPANY_LEAD_IN =
  /^(?:\d{1,2}[.)]\s+)?(?:(?:company|employer|organi[sz]ation)(?:\s+name)?\s*[:-]\s*|company name\s+)?/i

const CORPORATE_SUFFIX = /^(inc|llc|ltd|gmbh|corp|co|plc|ag|sa|bv|l\.?p)\.?$/i
const RANKED_ROLE = /^(?:Senior|SENIOR|Sr\.?|SR\.?|Junior|JUNIOR|Jr\.?|Principal|Staff|Lead|Head of|Trainee)\s+\p{Lu}/u

/** Splits "Senior Engineer, Acme Corp" / "Acme Corp | Senior Engineer" into title and company. */
function titleAndCompany(parts: string[]): { title: string; company: string | null } {
  const cleaned: string[] = []
  for (const part of parts.flatMap(roleInCompany).map(trimPunctuation)) {
    // A section's name run into the job ("Experience - Business Analyst - Lojas Pampa") is neither.
    if (part === '' || /^(remote|hybrid|on-?site)$/i.test(part) || isSectionName(part)) continue
    // "Acme, Inc." is one company.
    if (CORPORATE_SUFFIX.test(part) && cleaned.length > 0) cleaned[cleaned.length - 1] += `, ${part}`
    else cleaned.push(part)
  }
  if (cleaned.length === 0) return { title: '', company: null }
  const titleIndex = cleaned.findIndex((part) => TITLE_WORDS.test(part) && !COMPANY_WORDS.test(part))
  const index = titleIndex >= 0 ? titleIndex : cleaned.findIndex((part) => TITLE_WORDS.test(part))
  // With no title word anywhere, a rank still marks the role: "Odra Systems sp. z o.o. — Senior QA Automation".
  const ranked = index >= 0 ? index : cleaned.findIndex((part) => RANKED_ROLE.test(part))
  const chosen = Math.max(0, ranked)
  let title = tidyTitle(cleaned[chosen]!)
  let rest = cleaned.filter((_, position) => position !== chosen)
  // "Registered Nurse, ICU, Mercy Hospital": a short qualifier right after the title belongs to it.
  const qualifier = cleaned[chosen + 1]
  if (
    title &&
    qualifier &&
    rest.length >= 2 &&
    qualifier.split(/\s+/).length <= 2 &&
    !COMPANY_WORDS.test(qualifier) &&
    !TITLE_WORDS.test(qualifier)
  ) {
    title = `${title}, ${qualifier}`
    rest = rest.filter((part) => part !== qualifier)
  }
  const company = rest.find((part) => COMPANY_WORDS.test(part)) ?? rest[0] ?? null
  return { title, company: company && (trimPunctuation(company.replace(COMPANY_LEAD_IN, '')) || null) }
}

/**
 * "Software Engineer in Tejomaya Infotech Pvt. Ltd." as two parts, the role and its employer, where
 * the words after "in" name a company; "Specialist in Oncology" and "Lecturer in Computer Science" stay whole.
 */
function roleInCompany(part: string): string[] {
  const match = /^(.+?)\s+in\s+(.+)$/.exec(part)
  if (!match) return [part]
  const [, role, employer] = match
  return TITLE_WORDS.test(role!) && COMPANY_WORDS.test(employer!) && !TITLE_WORDS.test(employer!)
    ? [role!, employer!]
    : [part]
}

/** Time the resume says was not work: "Career break, Sept 2018 - Dec 2023", "six years at home with my children (2017–2023)". */
const NOT_WORK =
  /\b(?:career (?:break|gap)|sabbatical|gap year|(?:maternity|paternity|parental) leave|full[- ]time (?:parent|mother|father|mum|mom|dad|carer|caregiver)|stay[- ]at[- ]home|at home with)\b/i

export interface EmploymentReading {
  jobs: DatedEmployment[]
  /** Every range on the included lines, with or without a title found for it: time worked. */
  ranges: { start: MonthIndex; end: MonthIndex; startPrecise: boolean; endPrecise: boolean }[]
}

// A job portal's export: "company - Maxwell Infotech description - 1st Jul 2013 to 31st Dec 2016.
// ETL Developer for retail DWH * Built mappings …". The title, when given, follows the dates or leads to them.
const PORTAL_JOB = /\bcompany\s*-\s*(.{2,100}?)\s+description\s*-/giu
const TITLE_TOKEN = /^(?:\.?[\p{Lu}\d][\p{L}\d&/+.-]*|\/|&|of|and)$/u
const ABBREVIATED = /^(?:sr|jr|asst|sn)\.$/i
/** How far before its dates a job's "description -" may be: "… description - Project: Enterprise Data Lake for retail bank Role: Senior Big Data Engineer Duration: Apr 2019". */
const DESCRIBED_WITHIN = 160

/**
 * The job of a portal export's fields whose "description -" leads to this date range, the last
 * before it on the line (a run-together export holds every job on one line), with its company and
 * the title named right after its dates or between "description -" and them ("Working as SAP ABAP
 * Consultant from Mar 2017 …"), '' when none is named; null when the range is not such a job's.
 */
function portalJob(line: string, range: { from: number; to: number }): { title: string; company: string } | null {
  let job: RegExpExecArray | null = null
  for (const match of line.matchAll(PORTAL_JOB)) {
    if (match.index + match[0].length > range.from) break
    job = match
  }
  if (!job) return null
  const described = job.index + job[0].length
  if (range.from - described > DESCRIBED_WITHIN) return null
  const before = beforeDates(line, range).slice(described)
  const title = leadingTitle(line.slice(range.to)) || leadingTitle(before) || labelledTitle(before)
  return { title, company: trimPunctuation(job[1]!) }
}

// The same export with its line breaks kept puts "company - …" and "description - …" on lines of their
// own; a long run-together line may be cut between them, the "company -" field ending the line before.
const PORTAL_COMPANY_LINE = /\bcompany\s*-\s*\S.{0,100}$/i
const PORTAL_DESCRIPTION_LINE = /^\s*description\s*-/i

/**
 * The dated line, after the "company -" field that ends the line above it when it is that job's
 * "description -" line (the field alone: the line above may be another section's, run together).
 */
function portalText(lines: readonly string[], index: number) {
  const line = lines[index]!
  const company = PORTAL_DESCRIPTION_LINE.test(line) ? PORTAL_COMPANY_LINE.exec(lines[index - 1] ?? '') : null
  if (!company) return null
  const field = company[0].trim()
  return { text: `${field} ${line}`, offset: field.length + 1, source: `${field}\n${line}` }
}

/** The title after a text's last role label: "Project: Enterprise Data Lake Role: Senior Big Data Engineer". */
const labelledTitle = (text: string) => leadingTitle(afterRoleLabel(text))

/** The title a text starts with: up to eight capitalised words or title words, or '' if none names a role. */
function leadingTitle(text: string): string {
  const words: string[] = []
  for (const raw of text.replace(TITLE_LEAD_IN, '').split(/\s+/)) {
    const word = raw.replace(/[,.;:*(]+$/, '')
    // A label ends it ("Java Developer Environment: Java 8"); a title word before a colon is the title's ("Junior DBA: daily checks").
    if (raw.endsWith(':') && !TITLE_WORDS.test(word)) break
    if (word === '' || !(TITLE_TOKEN.test(word) || TITLE_WORDS.test(word)) || words.length === 8) break
    words.push(ABBREVIATED.test(raw) ? raw : word)
    if (word !== raw && !ABBREVIATED.test(raw)) break
  }
  const title = words.join(' ').replace(/(?:\s+(?:\/|&|of|and))+$/, '')
  return TITLE_WORDS.test(title) ? title : ''
}

// A long run-together line is cut into segments at a comma when it must (lines.ts); a job's header may
// then end the segment before its dates: "… retesting all packages Junior SQL Developer, Eko Telecoms," /
// "Lagos - 2019 to 2021 - Wrote …".
const CUT_HEADER_WITHIN = 40
const CLAUSE_BREAK = /[.;!?]\s|\s[-–—•*]\s/g

/** The title a text ends with: up to eight capitalised words or title words, or '' if none names a role. */
function trailingTitle(text: string): string {
  const words: string[] = []
  for (const word of text.trim().split(/\s+/).reverse()) {
    if (!(TITLE_TOKEN.test(word) || TITLE_WORDS.test(word)) || words.length === 8) break
    words.unshift(word)
  }
  const title = words.join(' ').replace(/^(?:(?:\/|&|of|and)\s+)+/, '')
  return TITLE_WORDS.test(title) ? title : ''
}

/** The header cut off the end of the line before, when the dates open this line: its parts, title first. */
function headerCutBefore(previous: string | undefined, range: DateRange): string[] {
  if (!previous?.trimEnd().endsWith(',') || range.from > CUT_HEADER_WITHIN) return []
  let from = 0
  for (const end of previous.matchAll(CLAUSE_BREAK)) from = end.index + end[0].length
  const parts = previous.slice(from).split(SEPARATORS)
  // "Title, Company, City,": the title ends one of the last three parts.
  for (let index = parts.length - 1; index >= Math.max(0, parts.length - 3); index--) {
    const title = trailingTitle(parts[index]!)
    if (title) return [title, ...parts.slice(index + 1)]
  }
  return []
}

/**
 * Jobs read from the experience lines: every line with a date range is one job; its title and
 * company come from the rest of that line or, when the line holds only dates, from the short
 * header lines just above it (or the one just below).
 */
export function readEmployment(
  lines: readonly string[],
  include: (index: number) => boolean,
  now: MonthIndex,
  isHeading: (index: number) => boolean = () => false,
): EmploymentReading {
  const jobs: DatedEmployment[] = []
  const allRanges: EmploymentReading['ranges'] = []
  let lastAnchor = -1
  const usable = (index: number) =>
    include(index) &&
    !isHeading(index) &&
    isHeaderLike(lines[index]?.trim() ?? '') &&
    !PROJECT_FIELD.test(lines[index]!) &&
    !OPENS_A_LIST.test(lines[index]!) &&
    !YEAR_ENTRY.test(lines[index]!) &&
    findDateRanges(lines[index]!, now).length === 0
  for (let index = 0; index < lines.length; index++) {
    if (!include(index)) continue
    const form = formJob(lines, index, lastAnchor, include, now)
    if (form) {
      allRanges.push(form.range)
      if (form.title) jobs.push(toEmployment(form.title, form.company, form.range, form.source))
      lastAnchor = index = form.last
      continue
    }
    const line = lines[index]!
    const ranges = findDateRanges(line, now)
    if (ranges.length === 0 || NOT_WORK.test(line)) continue
    allRanges.push(...ranges)
    const range = ranges[0]!
    const split = portalText(lines, index)
    const offset = split?.offset ?? 0
    const portal = portalJob(split?.text ?? line, { from: range.from + offset, to: range.to + offset })
    if (portal?.title) {
      lastAnchor = index
      jobs.push(toEmployment(portal.title, portal.company, range, split?.source ?? line))
      continue
    }
    // The export's fields without a title: the time counts, and no job is named ("description" is no title).
    // So with a project's field that a PDF's line joining ran into its dates ("Environment : Java 11,
    // JIRA Duration : Aug 2021 - Present").
    if (portal || split || PROJECT_FIELD.test(line)) {
      lastAnchor = index
      continue
    }
    const remainder = trimPunctuation(lastSentence(beforeDates(line, range)) + ' ' + line.slice(range.to))
    let parts = remainder === '' ? [] : remainder.split(SEPARATORS)
    let source = [line]
    const named = parts.some((part) => TITLE_WORDS.test(part))
    const cut = named ? [] : headerCutBefore(lines[index - 1], range)
    if (cut.length > 0 && include(index - 1) && index - 1 > lastAnchor) {
      parts = [...cut, ...parts]
      source = [lines[index - 1]!, line]
    } else if (!named) {
      const above: string[] = []
      for (let back = index - 1; back > lastAnchor && back >= index - 2 && usable(back); back--)
        above.unshift(lines[back]!.trim())
      // "Operations Manager" / "Norteña Components S.A. de C.V." / "(Tier-2 automotive supplier)" / "2017 – actual".
      const third = index - 3
      if (above.length === 2 && third > lastAnchor && usable(third) && !above.some((text) => TITLE_WORDS.test(text))) {
        const text = lines[third]!.trim()
        if (TITLE_WORDS.test(text)) above.unshift(text)
      }
      const below = usable(index + 1) ? lines[index + 1]!.trim() : ''
      const aboveHasTitle = above.some((text) => TITLE_WORDS.test(text))
      if (above.length > 0 && (aboveHasTitle || !TITLE_WORDS.test(below))) {
        parts = [...above.flatMap((text) => text.split(SEPARATORS)), ...parts]
        source = [...above, line]
      } else if (below !== '') {
        // Company above, title below: "Mercy Hospital" / "Jan 2020 - Present" / "Registered Nurse, ICU".
        parts = [...above.flatMap((text) => text.split(SEPARATORS)), ...parts, ...below.split(SEPARATORS)]
        source = [...above, line, below]
      }
    }
    const { title, company } = titleAndCompany(parts)
    lastAnchor = index
    if (title === '') continue
    jobs.push(toEmployment(title, company, range, source.join('\n')))
  }
  return { jobs, ranges: allRanges }
}

export function toEmployment(
  title: string,
  company: string | null,
  range: Pick<DateRange, 'start' | 'end' | 'current' | 'endPrecise'>,
  source: string,
): DatedEmployment {
  const lastMonth = range.endPrecise ? range.end - 1 : range.end
  return {
    title,
    company,
    start: monthToIso(range.start),
    end: range.current ? null : monthToIso(lastMonth),
    current: range.current,
    source,
    range: { start: range.start, end: range.end },
  }
}

/** Years worked with overlaps merged, and the gaps of more than six months between them. */
export function experienceSpan(ranges: readonly { start: MonthIndex; end: MonthIndex }[]) {
  const spans = [...ranges].sort((a, b) => a.start - b.start)
  const merged: { start: MonthIndex; end: MonthIndex }[] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  const months = merged.reduce((total, span) => total + (span.end - span.start), 0)
  const gaps: { from: string; to: string; months: number }[] = []
  for (let index = 1; index < merged.length; index++) {
    const gap = merged[index]!.start - merged[index - 1]!.end
    if (gap > 6)
      gaps.push({ from: monthToIso(merged[index - 1]!.end), to: monthToIso(merged[index]!.start - 1), months: gap })
  }
  return { totalYears: Math.round((months / 12) * 10) / 10, gaps }
}

/** A project's dates within a job, not a job: "Project 1: Clinic Appointment App", "Client: Acme Bank". */
const PROJECT_TITLE = /^(?:project|client|assignment)(?:\s*(?:#?\d+|name|title))?\s*[:#–-]/i

/** The title of the current job (the latest started), else of the job that ended last; a role's before a project's. */
export function currentTitleOf(allJobs: readonly DatedEmployment[]): string | null {
  const roles = allJobs.filter((job) => !PROJECT_TITLE.test(job.title))
  const jobs = roles.length ? roles : allJobs
  const current = jobs.filter((job) => job.current).sort((a, b) => b.range.start - a.range.start)[0]
  if (current) return current.title
  return [...jobs].sort((a, b) => b.range.end - a.range.end || b.range.start - a.range.start)[0]?.title ?? null
}
